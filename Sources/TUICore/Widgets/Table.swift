/// A table with a header, a selected row and a scroll offset; low-priority columns drop out
/// as the width narrows.
public struct Table: Sendable, Equatable {
    /// The columns.
    public var columns: [TableColumn]
    /// The rows.
    public var rows: [TableRow]
    /// The selected row index, if any.
    public var selected: Int?
    /// The first row shown (adjusted when drawn so the selection stays visible).
    public var offset: Int
    /// Whether the header row is drawn.
    public var showHeader: Bool
    /// Cells between columns.
    public var spacing: Int

    /// Creates a table.
    /// - Parameters:
    ///   - columns: The columns.
    ///   - rows: The rows.
    ///   - selected: The selected row.
    ///   - offset: The first row shown.
    ///   - showHeader: Whether to draw the header.
    ///   - spacing: Cells between columns.
    public init(
        columns: [TableColumn], rows: [TableRow], selected: Int? = nil, offset: Int = 0, showHeader: Bool = true,
        spacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.offset = offset
        self.showHeader = showHeader
        self.spacing = spacing
    }

    /// The indices of the columns that fit in `width`, in order, with their drawn widths.
    /// - Parameter width: The available width.
    /// - Returns: `(column index, width)` pairs.
    public func layout(width: Int) -> [(index: Int, width: Int)] {
        var kept = Array(columns.indices)
        func needed() -> Int {
            kept.reduce(0) { $0 + columns[$1].width } + max(0, kept.count - 1) * spacing
        }
        while needed() > width && kept.count > 1 {
            var drop = kept[0]
            for index in kept where columns[index].priority >= columns[drop].priority { drop = index }
            if columns[drop].priority == 0 { break }
            kept.removeAll { $0 == drop }
        }
        var widths = kept.map { columns[$0].width }
        var spare = width - needed()
        if spare > 0 {
            let flexible = kept.indices.filter { columns[kept[$0]].flexible }
            if !flexible.isEmpty {
                for (n, position) in flexible.enumerated() {
                    let share = n == flexible.count - 1 ? spare : spare / flexible.count
                    widths[position] += share
                    spare -= share
                }
            }
        } else if spare < 0 {
            // Still too wide: shrink from the right.
            var excess = -spare
            for position in widths.indices.reversed() where excess > 0 {
                let cut = min(excess, max(0, widths[position] - 1))
                widths[position] -= cut
                excess -= cut
            }
        }
        return zip(kept, widths).map { (index: $0, width: $1) }
    }

    /// The scroll offset that keeps `selected` inside a window of `visibleRows` rows.
    /// - Parameters:
    ///   - selected: The selected row.
    ///   - offset: The current offset.
    ///   - visibleRows: Rows that fit.
    ///   - rowCount: Rows in the table.
    /// - Returns: The adjusted offset.
    public static func scrolledOffset(selected: Int?, offset: Int, visibleRows: Int, rowCount: Int) -> Int {
        let visible = max(1, visibleRows)
        var result = min(max(0, offset), max(0, rowCount - visible))
        if let selected {
            if selected < result { result = selected }
            if selected >= result + visible { result = selected - visible + 1 }
        }
        return max(0, result)
    }

    /// Draws the table.
    /// - Parameters:
    ///   - buffer: The buffer to draw into.
    ///   - area: The table's area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let body = theme.style(.body)
        let placed = layout(width: area.width)
        var y = area.y
        if showHeader {
            let header = body.patched(with: theme.style(.tableHeader))
            buffer.fill(area.row(0), style: body)
            var x = area.x
            for (index, width) in placed {
                let column = columns[index]
                buffer.writeFitted(column.title, x: x, y: y, width: width, alignment: column.alignment, style: header)
                x += width + spacing
            }
            y += 1
        }
        let visibleRows = area.maxY - y
        guard visibleRows > 0 else { return }
        let first = Self.scrolledOffset(
            selected: selected, offset: offset, visibleRows: visibleRows, rowCount: rows.count)
        for (rowIndex, row) in rows.enumerated().dropFirst(first).prefix(visibleRows) {
            let rowStyle = row.role.map { body.patched(with: theme.style($0)) } ?? body
            buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
            var x = area.x
            for (index, width) in placed {
                guard index < row.cells.count else {
                    x += width + spacing
                    continue
                }
                let cell = row.cells[index]
                let style = cell.role.map { rowStyle.patched(with: theme.style($0)) } ?? rowStyle
                let fieldWidth = cell.spansRemaining ? area.maxX - x : width
                let alignment = cell.spansRemaining ? .left : columns[index].alignment
                buffer.writeFitted(cell.text, x: x, y: y, width: fieldWidth, alignment: alignment, style: style)
                if cell.spansRemaining { break }
                x += width + spacing
            }
            if rowIndex == selected {
                buffer.overlay(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme.style(.tableSelected))
            }
            y += 1
        }
    }
}
