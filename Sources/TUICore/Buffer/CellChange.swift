/// One cell to redraw: where, and what to draw there.
public struct CellChange: Sendable, Hashable {
    /// The cell's position.
    public var position: Position
    /// The new cell (never a continuation; a wide cell also covers the cell to its right).
    public var cell: Cell

    /// Creates a change.
    /// - Parameters:
    ///   - position: The position.
    ///   - cell: The new cell.
    public init(position: Position, cell: Cell) {
        self.position = position
        self.cell = cell
    }
}
