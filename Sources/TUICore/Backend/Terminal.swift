/// Keeps the frame on screen and sends a backend only the cells that changed.
public struct Terminal<Backend: TerminalBackend> {
    /// The backend drawn to.
    public var backend: Backend
    /// The frame currently on screen, nil when unknown (forces a full redraw).
    public private(set) var current: ScreenBuffer?

    /// Creates a terminal over a backend.
    /// - Parameter backend: The backend.
    public init(backend: Backend) {
        self.backend = backend
        self.current = nil
    }

    /// Draws a frame by sending the diff against the frame on screen.
    /// - Parameter frame: The next frame.
    /// - Returns: The number of cells sent.
    @discardableResult
    public mutating func draw(_ frame: ScreenBuffer) -> Int {
        let previous = current ?? ScreenBuffer(size: frame.size, fill: Cell(grapheme: "\u{0}", width: 1))
        let changes = BufferDiff.diff(previous, frame)
        if !changes.isEmpty {
            backend.draw(changes)
            backend.flush()
        }
        current = frame
        return changes.count
    }

    /// Forgets the frame on screen so the next draw repaints every cell (after resize or resume).
    public mutating func invalidate() {
        current = nil
        backend.invalidate()
    }
}
