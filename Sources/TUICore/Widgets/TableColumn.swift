/// One column of a `Table`.
public struct TableColumn: Sendable, Equatable {
    /// The header text.
    public var title: String
    /// The column's width in cells.
    public var width: Int
    /// Where text sits in the column.
    public var alignment: Alignment
    /// 0 is always kept; when the table is too narrow the column with the largest priority is
    /// dropped first (the rightmost one among equals).
    public var priority: Int
    /// Whether the column takes a share of any spare width.
    public var flexible: Bool

    /// Creates a column.
    /// - Parameters:
    ///   - title: Header text.
    ///   - width: Width in cells.
    ///   - alignment: Alignment of the cells.
    ///   - priority: Drop order (larger drops first; 0 never drops).
    ///   - flexible: Whether it grows into spare width.
    public init(_ title: String, width: Int, alignment: Alignment = .left, priority: Int = 0, flexible: Bool = false) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.priority = priority
        self.flexible = flexible
    }
}
