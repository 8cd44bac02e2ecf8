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

    /// Makes this buffer a fresh one of `size` filled with `fill`, reusing its storage when it is
    /// uniquely held and large enough (a 200×60 frame is 576 KB: reusing it keeps every frame off
    /// the allocator).
    /// - Parameters:
    ///   - size: The new size.
    ///   - fill: The cell every position starts with.
    public mutating func reset(size: Size, fill: Cell = .blank) {
        self.size = size
        if cells.count == size.area {
            cells.withUnsafeMutableBufferPointer { $0.update(repeating: fill) }
        } else {
            cells.removeAll(keepingCapacity: true)
            cells.append(contentsOf: repeatElement(fill, count: size.area))
        }
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
        let width = size.width
        cells.withUnsafeMutableBufferPointer { Self.place(cell, x: x, y: y, width: width, in: $0) }
    }

    /// `set` on the raw cells of a buffer `width` columns wide; `x` and `y` must be inside it.
    @inline(__always)
    fileprivate static func place(_ cell: Cell, x: Int, y: Int, width: Int, in cells: UnsafeMutableBufferPointer<Cell>)
    {
        var cell = cell
        if cell.width == 2 && x + 1 >= width { cell = .blank(cell.style) }
        let index = y * width + x
        // Cutting the right half of a wide grapheme: blank its left half.
        if cells[index].isContinuation && x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        // Cutting the left half of a wide grapheme: blank its right half.
        if cells[index].width == 2 && x + 1 < width {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        cells[index] = cell
        if cell.width == 2 {
            let right = index + 1
            if cells[right].width == 2 && x + 2 < width {
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
        // Fast path: text made only of scalars that are safe and never join a neighbour (ASCII,
        // Latin, punctuation, arrows, box drawing, shapes…) is one cell per scalar; the general
        // path below gives the same cells for it.
        if DisplayWidth.isStandalone(text) {
            var pen = Pen(x: x, y: y, limit: limit, style: style, bufferWidth: size.width)
            cells.withUnsafeMutableBufferPointer { cells in
                for scalar in text.unicodeScalars {
                    if !pen.put(scalar, width: DisplayWidth.standaloneWidth(scalar.value), into: cells) { break }
                }
            }
            return pen.used
        }
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

    /// Writes text fitted to exactly `width` cells: the same cells as
    /// `write(TerminalSanitizer.fit(text, width: width, alignment: alignment), …, maxWidth: width)`,
    /// without building the padded string.
    /// - Parameters:
    ///   - text: The text, trusted or not.
    ///   - x: The starting column.
    ///   - y: The row.
    ///   - width: The field's width.
    ///   - alignment: Where the text sits in the field.
    ///   - style: The style of every written cell, padding included.
    /// - Returns: The number of cells written.
    @discardableResult
    mutating func writeFitted(
        _ text: some StringProtocol, x: Int, y: Int, width: Int, alignment: Alignment, style: Style
    ) -> Int {
        guard let textWidth = DisplayWidth.standaloneWidth(of: text) else {
            return write(
                TerminalSanitizer.fit(text, width: width, alignment: alignment), x: x, y: y, style: style,
                maxWidth: width)
        }
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(width, size.width - x)
        guard limit > 0 else { return 0 }
        // What `clamp` keeps: everything when it fits, else what fits before a one-cell "…".
        let cut = textWidth > width
        let budget = cut ? width - 1 : width
        var keptWidth = textWidth
        if cut {
            keptWidth = 0
            for scalar in text.unicodeScalars {
                let w = DisplayWidth.standaloneWidth(scalar.value)
                if keptWidth + w > budget { break }
                keptWidth += w
            }
        }
        let gap = max(0, width - keptWidth - (cut ? 1 : 0))
        let leading: Int
        switch alignment {
        case .left: leading = 0
        case .right: leading = gap
        case .center: leading = gap / 2
        }
        var pen = Pen(x: x, y: y, limit: limit, style: style, bufferWidth: size.width)
        cells.withUnsafeMutableBufferPointer { cells in
            for _ in 0..<leading {
                if !pen.put(" ", width: 1, into: cells) { return }
            }
            var taken = 0
            for scalar in text.unicodeScalars {
                let w = DisplayWidth.standaloneWidth(scalar.value)
                if cut && taken + w > budget { break }
                taken += w
                if !pen.put(scalar, width: w, into: cells) { return }
            }
            if cut && !pen.put("…", width: 1, into: cells) { return }
            for _ in 0..<(gap - leading) {
                if !pen.put(" ", width: 1, into: cells) { return }
            }
        }
        return pen.used
    }

    /// Fills a rectangle with blanks of a style.
    /// - Parameters:
    ///   - rect: The area (clipped to the buffer).
    ///   - style: The style.
    public mutating func fill(_ rect: Rect, style: Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let width = size.width
        let blank = Cell.blank(style)
        cells.withUnsafeMutableBufferPointer { cells in
            for y in clipped.y..<clipped.maxY {
                let start = y * width + clipped.x
                let end = y * width + clipped.maxX
                // Only the edges can cut a wide grapheme that lies partly outside the rectangle.
                if cells[start].isContinuation && clipped.x > 0 {
                    cells[start - 1] = .blank(cells[start - 1].style)
                }
                if cells[end - 1].width == 2 && clipped.maxX < width {
                    cells[end] = .blank(cells[end].style)
                }
                for index in start..<end { cells[index] = blank }
            }
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

/// Lays standalone scalars left to right along a row, as `ScreenBuffer.write` does.
private struct Pen {
    let x: Int
    let y: Int
    let limit: Int
    let style: Style
    let bufferWidth: Int
    var used = 0

    init(x: Int, y: Int, limit: Int, style: Style, bufferWidth: Int) {
        self.x = x
        self.y = y
        self.limit = limit
        self.style = style
        self.bufferWidth = bufferWidth
    }

    /// Draws one scalar; false once the limit is reached (nothing more fits).
    ///
    /// The caller has checked `y`, and `limit` keeps `x + used` left of the buffer's right edge.
    @inline(__always)
    mutating func put(_ scalar: Unicode.Scalar, width: Int, into cells: UnsafeMutableBufferPointer<Cell>) -> Bool {
        if width == 0 { return true }
        if used + width > limit { return false }
        if x + used >= 0 {
            ScreenBuffer.place(
                Cell(scalar: scalar, width: width, style: style), x: x + used, y: y, width: bufferWidth, in: cells)
        }
        used += width
        return true
    }
}
