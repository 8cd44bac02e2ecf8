/// A backend that draws into a `ScreenBuffer`, so screens are testable without a terminal.
public struct TestBackend: TerminalBackend, Sendable {
    /// What the screen shows.
    public private(set) var buffer: ScreenBuffer
    /// How many cells have been drawn in total.
    public private(set) var cellsDrawn: Int
    /// How many times `flush` was called.
    public private(set) var flushes: Int
    /// How many times `invalidate` was called.
    public private(set) var invalidations: Int

    /// Creates a blank screen.
    /// - Parameter size: The screen size.
    public init(size: Size) {
        self.buffer = ScreenBuffer(size: size)
        self.cellsDrawn = 0
        self.flushes = 0
        self.invalidations = 0
    }

    /// The screen size.
    public var size: Size { buffer.size }

    /// Applies changes to the screen.
    /// - Parameter changes: The changes.
    public mutating func draw(_ changes: [CellChange]) {
        BufferDiff.apply(changes, to: &buffer)
        cellsDrawn += changes.count
    }

    /// Counts a flush.
    public mutating func flush() { flushes += 1 }

    /// Counts an invalidation (the buffer itself needs no repair).
    public mutating func invalidate() { invalidations += 1 }

    /// Resizes the screen, clearing it.
    /// - Parameter size: The new size.
    public mutating func resize(to size: Size) { buffer = ScreenBuffer(size: size) }
}
