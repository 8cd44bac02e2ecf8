/// A size in terminal cells: `width` columns by `height` rows.
public struct Size: Sendable, Hashable, CustomStringConvertible {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a size; negative values are clamped to zero.
    /// - Parameters:
    ///   - width: Columns.
    ///   - height: Rows.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The number of cells.
    public var area: Int { width * height }

    /// `WxH`, as used in snapshot file names.
    public var description: String { "\(width)x\(height)" }
}
