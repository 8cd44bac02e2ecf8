import MarketModel
import TUICore

/// Panel 4: recent validation failures, newest first.
enum ValidationPanel {
    static let columns: [TableColumn] = [
        TableColumn("Time", width: 8),
        TableColumn("Symbol", width: 19),
        TableColumn("Rule", width: 5),
        TableColumn("Code", width: 23, priority: 2),
        TableColumn("Count", width: 5, alignment: .right, priority: 1),
        TableColumn("Message", width: 16, flexible: true),
    ]

    /// Draws the panel.
    static func render(
        _ state: AppState, _ market: DashboardSnapshot, area: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        let rows = state.visibleFailures
        let parts = Layout(.vertical, [.length(1), .fill(1)]).split(area)
        let total = market.failureCounts.values.reduce(0, +)
        var summary: [TextSpan] = [TextSpan("\(total) rejected since start", role: total > 0 ? .qualityWarn : .muted)]
        let top = market.failureCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(4)
        if !top.isEmpty {
            summary.append(
                TextSpan("  · " + top.map { "\($0.key.rawValue)×\($0.value)" }.joined(separator: " "), role: .muted))
        }
        Paragraph([summary]).render(into: &buffer, area: parts[0], theme: theme)
        guard !rows.isEmpty else {
            let text = state.filter.isEmpty ? "No validation failures." : "No failure matches the filter."
            Paragraph([[TextSpan(text, role: .muted)]]).render(into: &buffer, area: parts[1], theme: theme)
            return
        }
        let list = state.listState(for: .validation)
        let tableRows = rows.map { record in
            TableRow([
                TableCell(Format.clock(record.time)),
                TableCell(record.symbol),
                TableCell(record.rule.rawValue, role: .qualityError),
                TableCell(record.code.rawValue, role: .muted),
                TableCell(String(market.failureCounts[record.rule] ?? 1)),
                TableCell(record.message),
            ])
        }
        Table(columns: columns, rows: tableRows, selected: list.selected, offset: list.offset)
            .render(into: &buffer, area: parts[1], theme: theme)
    }
}
