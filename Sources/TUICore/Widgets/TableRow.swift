/// One row of a `Table`.
public struct TableRow: Sendable, Equatable {
    /// Cells, one per column (missing cells are blank).
    public var cells: [TableCell]
    /// A role for the whole row (stale, error), if any.
    public var role: Theme.Role?

    /// Creates a row.
    /// - Parameters:
    ///   - cells: The cells.
    ///   - role: A role for the whole row.
    public init(_ cells: [TableCell], role: Theme.Role? = nil) {
        self.cells = cells
        self.role = role
    }
}
