/// A grid of cells that widgets draw into; the terminal shows it by applying `BufferDiff`s.
///
/// Writes keep wide graphemes consistent: a wide grapheme always has its continuation cell, and
/// overwriting either half of one blanks the other half.
public struct ScreenBuffer: Sendable, Equatable {
    /// The buffer's size.
    public private(set) var size: Size
    /// Cells in row-major order.
    public private(set) var cells: [Cell]

    /// Creates a buffer filled with one cell.
    /// - Parameters:
    ///   - size: The size.
    ///   - fill: The cell every position starts with.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.area)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(size: size) }

    /// The cell at a position (a blank cell outside the buffer).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
        return cells[y * size.width + x]
    }

    /// Stores a cell, repairing any wide grapheme it cuts in half; wide cells that do not fit
    /// before the right edge become a blank.
    /// - Parameters:
    ///   - cell: The cell (width 1 or 2; continuations are written by the wide cell itself).
    ///   - x: The column.
    ///   - y: The row.
    public mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height, !cell.isContinuation else { return }
        var cell = cell
        if cell.width == 2 && x + 1 >= size.width { cell = .blank(cell.style) }
        let index = y * size.width + x
        // Cutting the right half of a wide grapheme: blank its left half.
        if cells[index].isContinuation && x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        // Cutting the left half of a wide grapheme: blank its right half.
        if cells[index].width == 2 && x + 1 < size.width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
        if cell.width == 2 {
            let right = index + 1
            if cells[right].width == 2 && x + 2 < size.width {
                cells[right + 1] = .blank(cells[right + 1].style)
            }
            cells[right] = .continuation(cell.style)
        }
    }

    /// Writes text from a position, sanitized and cut at `maxWidth` cells (and at the buffer edge).
    ///
    /// Control and format characters become U+FFFD (see `TerminalSanitizer`); zero-width
    /// clusters with no base are dropped, so nothing can move the cursor or join another cell.
    /// - Parameters:
    ///   - text: The text, trusted or not.
    ///   - x: The starting column.
    ///   - y: The row.
    ///   - style: The style of every written cell.
    ///   - maxWidth: The most cells to use.
    /// - Returns: The number of cells written.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, style: Style, maxWidth: Int = .max
    )
        -> Int
    {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(maxWidth, size.width - x)
        guard limit > 0 else { return 0 }
        var used = 0
        for character in TerminalSanitizer.sanitize(text) {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if used + width > limit { break }
            if x + used >= 0 {
                set(Cell(grapheme: String(character), width: width, style: style), x: x + used, y: y)
            }
            used += width
        }
        return used
    }

    /// Fills a rectangle with blanks of a style.
    /// - Parameters:
    ///   - rect: The area (clipped to the buffer).
    ///   - style: The style.
    public mutating func fill(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(.blank(style), x: x, y: y) }
        }
    }

    /// Lays a style over every cell of a rectangle, keeping the graphemes.
    /// - Parameters:
    ///   - rect: The area (clipped to the buffer).
    ///   - style: The overlay (see `Style.patched(with:)`).
    public mutating func overlay(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * size.width + x].style = cells[y * size.width + x].style.patched(with: style)
            }
        }
    }

    /// Stores a cell exactly as given, continuation cells included (used when applying diffs).
    mutating func store(_ cell: Cell, index: Int) { cells[index] = cell }
}
