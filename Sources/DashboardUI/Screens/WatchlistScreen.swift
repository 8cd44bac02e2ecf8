import MarketMetrics
import MarketModel
import TUICore

/// Panel 1: one row per watchlist symbol.
enum WatchlistScreen {
    /// The columns, most important first by priority (0 never drops).
    static let columns: [TableColumn] = [
        TableColumn(" ", width: 1),
        TableColumn("Symbol", width: 7),
        TableColumn("Last", width: 9, alignment: .right),
        TableColumn("Chg", width: 8, alignment: .right, priority: 4),
        TableColumn("Chg%", width: 8, alignment: .right, priority: 1),
        TableColumn("Bid", width: 8, alignment: .right, priority: 2),
        TableColumn("Ask", width: 8, alignment: .right, priority: 2),
        TableColumn("Sprd", width: 5, alignment: .right, priority: 6),
        TableColumn("Volume", width: 7, alignment: .right, priority: 3),
        TableColumn("Day range", width: 13, alignment: .right, priority: 7),
        TableColumn("Trend", width: 8, priority: 5),
        TableColumn("Q", width: 3, alignment: .right, priority: 3),
        TableColumn("Age", width: 6, alignment: .right, priority: 1),
    ]

    /// Draws the watchlist.
    static func render(_ state: AppState, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let rows = state.visibleWatchlist(now: now)
        guard !rows.isEmpty else {
            let text =
                state.filter.isEmpty
                ? "The watchlist is empty — press a to add a symbol." : "No symbol matches the filter."
            Paragraph([[TextSpan(text, role: .muted)]]).render(into: &buffer, area: area, theme: theme)
            return
        }
        // Only the rows in view are built: a 1 000-symbol watchlist shows about 50 at a time, and
        // each row formats a dozen cells and a sparkline at every frame.
        let list = state.listState(for: .watchlist)
        let inView = max(0, area.height - 1)  // below the header
        let first = Table.scrolledOffset(
            selected: list.selected, offset: list.offset, visibleRows: inView, rowCount: rows.count)
        let shown = rows[first...].prefix(inView).map { row(for: $0, state: state, now: now) }
        Table(columns: columns, rows: shown, selected: list.selected - first, offset: 0)
            .render(into: &buffer, area: area, theme: theme)
    }

    /// The table row of one watchlist entry.
    static func row(for entry: WatchlistRow, state: AppState, now: Timestamp) -> TableRow {
        guard let processed = entry.quote else {
            if let failure = entry.failure {
                return TableRow([
                    TableCell("✗", role: .qualityError), TableCell(entry.symbol),
                    TableCell(failureText(failure), role: .qualityError, spansRemaining: true),
                ])
            }
            return TableRow([
                " ", TableCell(entry.symbol), TableCell("waiting for data", role: .muted, spansRemaining: true),
            ])
        }
        let quote = processed.value
        let figures = QuoteFigures(quote)
        let age = quote.timestamp.map { now.seconds(since: $0) }
        // While the regular session runs, a value ages past the limit on screen too; while the
        // market is closed, last session's data is as fresh as it gets (the pipeline decides that).
        let sessionOpen = state.latest?.market.clock?.isOpen ?? true
        let stale =
            processed.enrichment.freshness == .stale || (sessionOpen && (age ?? 0) > state.staleAfterSeconds)
        let direction = direction(of: figures.change)
        var mark = TableCell(" ")
        if entry.haltCode != nil {
            // The stream says trading is halted or paused: prices stand still for a reason.
            mark = TableCell("‖", role: .qualityWarn)
        } else if entry.failure != nil {
            mark = TableCell("!", role: .qualityError)
        } else if stale {
            mark = TableCell("◷", role: .cacheStale)
        }
        let range = quote.dailyBar.map { Format.price($0.low) + "–" + Format.price($0.high) } ?? Format.missing
        let tick = state.ticks[entry.symbol].flatMap { $0.isFresh(at: now) ? $0 : nil }
        func ticked(_ cell: TableCell, _ changed: Bool?) -> TableCell {
            guard changed == true else { return cell }
            var cell = cell
            cell.role = .priceTicked
            return cell
        }
        let score = processed.enrichment.quality.score
        return TableRow(
            [
                mark,
                TableCell(entry.symbol),
                ticked(
                    TableCell(Format.price(figures.last), role: figures.last == nil ? .valueMissing : nil), tick?.last),
                TableCell(
                    figures.change.map { direction.glyph + Format.signed($0, 2) } ?? Format.missing,
                    role: direction.role),
                TableCell(
                    figures.changePercent.map { direction.glyph + Format.signed($0, 2) + "%" } ?? Format.missing,
                    role: direction.role),
                ticked(side(quote.bidPrice, noneText: "no bid"), tick?.bid),
                ticked(side(quote.askPrice, noneText: "no ask"), tick?.ask),
                TableCell(processed.enrichment.spread.map { Format.optionPrice($0) } ?? Format.missing),
                TableCell(Format.count(quote.volume), role: quote.volume == nil ? .valueMissing : nil),
                TableCell(range, role: quote.dailyBar == nil ? .valueMissing : nil),
                TableCell(Sparkline(entry.sparkline).glyphs(width: 8), role: .sparkline),
                TableCell(String(score), role: qualityRole(score)),
                TableCell((stale ? "◷" : "") + Format.age(age), role: stale ? .cacheStale : nil),
            ], role: stale ? .cacheStale : nil)
    }

    /// `V003 message`, or the failure code when no rule fired.
    static func failureText(_ failure: PipelineFailure) -> String {
        let id = failure.rule?.rawValue ?? failure.code.rawValue
        let status = failure.httpStatus.map { " HTTP \($0)" } ?? ""
        return id + status + " " + failure.message
    }

    /// A bid or ask cell: `—` when missing, a marker when the upstream sent 0.
    static func side(_ price: Double?, noneText: String) -> TableCell {
        guard let price else { return TableCell(Format.missing, role: .valueMissing) }
        if price == 0 { return TableCell(noneText, role: .valueMissing) }
        return TableCell(Format.price(price))
    }

    /// The glyph and role of a change: `▲` up, `▼` down, none when flat or unknown.
    static func direction(of change: Double?) -> (glyph: String, role: Theme.Role?) {
        guard let change else { return ("", .valueMissing) }
        if change > 0 { return ("▲", .priceUp) }
        if change < 0 { return ("▼", .priceDown) }
        return ("", .priceUnchanged)
    }

    /// The role of a quality score.
    static func qualityRole(_ score: Int) -> Theme.Role {
        score >= 80 ? .qualityGood : score >= 50 ? .qualityWarn : .qualityError
    }
}
