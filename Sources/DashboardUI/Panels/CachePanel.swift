import MarketMetrics
import TTLCache
import TUICore

/// Panel 5: cache statistics per data class and pipeline-stage metrics.
enum CachePanel {
    static let cacheColumns: [TableColumn] = [
        TableColumn("Class", width: 10),
        TableColumn("Entries", width: 7, alignment: .right),
        TableColumn("Hit rate", width: 8, alignment: .right),
        TableColumn("Hits", width: 7, alignment: .right, priority: 2),
        TableColumn("Misses", width: 7, alignment: .right),
        TableColumn("Expired", width: 7, alignment: .right, priority: 3),
        TableColumn("Evicted", width: 7, alignment: .right, priority: 1),
        TableColumn("TTL", width: 7, alignment: .right),
    ]

    static let stageColumns: [TableColumn] = [
        TableColumn("Stage", width: 10),
        TableColumn("OK", width: 8, alignment: .right),
        TableColumn("Failed", width: 8, alignment: .right),
        TableColumn("p50", width: 8, alignment: .right),
        TableColumn("p99", width: 8, alignment: .right),
    ]

    /// Draws the panel.
    static func render(
        _ state: AppState, _ update: DashboardUpdate, area: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        let cacheRows = update.cache.map { report in
            TableRow([
                TableCell(report.name),
                TableCell(String(report.stats.entries)),
                TableCell(
                    Format.percent(report.stats.hitRate), role: report.stats.hitRate == nil ? .valueMissing : nil),
                TableCell(String(report.stats.hits)),
                TableCell(String(report.stats.misses)),
                TableCell(String(report.stats.expiries)),
                TableCell(String(report.stats.evictions)),
                TableCell(Format.age(report.ttlSeconds)),
            ])
        }
        let stageRows = update.metrics.stages.map { stage in
            TableRow([
                TableCell(stage.name),
                TableCell(String(stage.successes)),
                TableCell(String(stage.failures), role: stage.failures > 0 ? .qualityWarn : nil),
                TableCell(Format.latency(stage.p50), role: stage.p50 == nil ? .valueMissing : nil),
                TableCell(Format.latency(stage.p99), role: stage.p99 == nil ? .valueMissing : nil),
            ])
        }
        let cacheHeight = max(2, cacheRows.count + 2)
        let parts = Layout(.vertical, [.length(1), .length(cacheHeight), .length(1), .fill(1)]).split(area)
        Paragraph([[TextSpan("Cache", role: .title)]]).render(into: &buffer, area: parts[0], theme: theme)
        if cacheRows.isEmpty {
            Paragraph([[TextSpan("No cache statistics yet.", role: .muted)]]).render(
                into: &buffer, area: parts[1], theme: theme)
        } else {
            Table(columns: cacheColumns, rows: cacheRows).render(into: &buffer, area: parts[1], theme: theme)
        }
        Paragraph([[TextSpan("Pipeline stages", role: .title)]]).render(into: &buffer, area: parts[2], theme: theme)
        if stageRows.isEmpty {
            Paragraph([[TextSpan("No stage metrics yet.", role: .muted)]]).render(
                into: &buffer, area: parts[3], theme: theme)
        } else {
            Table(columns: stageColumns, rows: stageRows).render(into: &buffer, area: parts[3], theme: theme)
        }
    }
}
