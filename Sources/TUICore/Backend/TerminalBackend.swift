/// Something that shows cells: a real terminal, or `TestBackend` in tests.
public protocol TerminalBackend {
    /// The size of the screen in cells.
    var size: Size { get }
    /// Draws changed cells (a wide cell also covers the cell to its right).
    /// - Parameter changes: The changes, from `BufferDiff.diff`.
    mutating func draw(_ changes: [CellChange])
    /// Makes everything drawn so far visible.
    mutating func flush()
    /// The screen may have been disturbed (a resize, a return from suspension, a redraw asked
    /// for): the next flush repaints it whole.
    mutating func invalidate()
}
