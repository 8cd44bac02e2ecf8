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
        // Alerts first: the latest crossings, at most five lines, when any rule has crossed.
        let alerts = Array(market.alerts.prefix(5))
        var area = area
        if !alerts.isEmpty {
            let split = Layout(.vertical, [.length(alerts.count + 1), .fill(1)]).split(area)
            renderAlerts(alerts, active: market.activeAlertCount, area: split[0], into: &buffer, theme: theme)
            area = split[1]
        }
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

    /// `Alerts: N firing` and one line per recent crossing: time, FIRING/resolved, symbol, rule, value.
    static func renderAlerts(
        _ alerts: [AlertEvent], active: Int, area: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        var lines: [[TextSpan]] = [
            [TextSpan("Alerts: \(active) firing", role: active > 0 ? .qualityError : .muted)]
        ]
        for alert in alerts {
            let firing = alert.state == .firing
            lines.append([
                TextSpan(Format.clock(alert.time) + " ", role: .muted),
                TextSpan(firing ? "⚑ FIRING   " : "✓ resolved ", role: firing ? .qualityError : .quality("good")),
                TextSpan(alert.symbol.map { $0 + "  " } ?? ""),
                TextSpan(alert.rule),
                TextSpan("  value \(AlertEvent.number(alert.value))", role: .muted),
            ])
        }
        Paragraph(lines).render(into: &buffer, area: area, theme: theme)
    }
}
