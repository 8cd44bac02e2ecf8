import MarketMetrics
import MarketModel
import TUICore

/// Panel 3: quality score per symbol with its reasons and trend, and the score distribution.
enum QualityPanel {
    static let columns: [TableColumn] = [
        TableColumn("Symbol", width: 7),
        TableColumn("Score", width: 5, alignment: .right),
        TableColumn("Trend", width: 12, priority: 1),
        TableColumn("Reasons", width: 20, flexible: true),
    ]

    /// Score buckets of the distribution, best first.
    static let buckets: [(String, ClosedRange<Int>)] = [
        ("90–100", 90...100), ("75–89", 75...89), ("50–74", 50...74), ("0–49", 0...49),
    ]

    /// Draws the panel.
    static func render(_ state: AppState, area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let rows = state.visibleQuality
        let showDistribution = area.height >= 12
        let parts = Layout(.vertical, [.fill(1), .length(showDistribution ? buckets.count + 2 : 0)]).split(area)
        if rows.isEmpty {
            Paragraph([[TextSpan("No quality scores yet.", role: .muted)]]).render(
                into: &buffer, area: parts[0], theme: theme)
        } else {
            let list = state.listState(for: .quality)
            Table(columns: columns, rows: rows.map(row), selected: list.selected, offset: list.offset)
                .render(into: &buffer, area: parts[0], theme: theme)
        }
        guard showDistribution else { return }
        let all = state.latest?.market.quality ?? []
        let counts = buckets.map { bucket in
            all.filter { $0.current.map { bucket.1.contains($0.score) } ?? false }.count
        }
        let unscored = all.filter { $0.current == nil }.count
        let most = max(1, (counts + [unscored]).max() ?? 1)
        let barWidth = max(1, min(40, area.width - 20))
        func bar(_ n: Int) -> String {
            String(repeating: "█", count: n * barWidth / most) + (n > 0 && n * barWidth / most == 0 ? "▏" : "")
        }
        var lines: [[TextSpan]] = [[TextSpan("Distribution", role: .title)]]
        for (index, bucket) in buckets.enumerated() {
            let role = WatchlistScreen.qualityRole(bucket.1.lowerBound)
            lines.append([
                TextSpan(TerminalSanitizer.fit(bucket.0, width: 9), role: .muted),
                TextSpan(bar(counts[index]) + " ", role: role),
                TextSpan(String(counts[index])),
            ])
        }
        lines.append([
            TextSpan(TerminalSanitizer.fit("no score", width: 9), role: .muted),
            TextSpan(bar(unscored) + " ", role: .valueMissing), TextSpan(String(unscored)),
        ])
        Paragraph(lines).render(into: &buffer, area: parts[1], theme: theme)
    }

    static func row(_ row: QualityRow) -> TableRow {
        guard let current = row.current else {
            return TableRow([
                TableCell(row.symbol), TableCell(Format.missing, role: .valueMissing),
                TableCell(Sparkline(row.history.map(Double.init)).glyphs(width: 12), role: .sparkline),
                TableCell("never passed validation", role: .muted),
            ])
        }
        return TableRow([
            TableCell(row.symbol),
            TableCell(String(current.score), role: WatchlistScreen.qualityRole(current.score)),
            TableCell(Sparkline(row.history.map(Double.init)).glyphs(width: 12), role: .sparkline),
            TableCell(
                current.reasons.isEmpty ? "ok" : current.reasons.joined(separator: "; "),
                role: current.reasons.isEmpty ? .muted : nil),
        ])
    }
}
