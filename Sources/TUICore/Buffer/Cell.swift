/// One terminal cell: a grapheme cluster, its display width, and its style.
///
/// A wide grapheme (CJK, emoji) is stored in its first cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`, empty grapheme) that the terminal never draws itself.
public struct Cell: Sendable, Hashable {
    /// The grapheme cluster shown; empty for a continuation cell.
    public var grapheme: String
    /// 1 or 2 for a drawn cell, 0 for the continuation of a wide one.
    public var width: Int
    /// How the cell looks.
    public var style: Style

    /// Creates a cell.
    /// - Parameters:
    ///   - grapheme: The grapheme cluster.
    ///   - width: Its display width (0 for a continuation).
    ///   - style: Its style.
    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(grapheme: " ", width: 1)

    /// A space with a style.
    /// - Parameter style: The style.
    /// - Returns: The cell.
    public static func blank(_ style: Style) -> Cell { Cell(grapheme: " ", width: 1, style: style) }

    /// The right half of a wide grapheme.
    /// - Parameter style: The style of the wide grapheme.
    /// - Returns: The continuation cell.
    public static func continuation(_ style: Style) -> Cell { Cell(grapheme: "", width: 0, style: style) }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }
}
