import MarketMetrics
import MarketModel
import TUICore

/// The `w` overlay: the account's Alpaca watchlists, newest change first; Enter opens one as the
/// dashboard's watchlist (nothing is written to Alpaca).
enum AlpacaWatchlistPicker {
    static let columns = [
        TableColumn("Watchlist", width: 24, flexible: true),
        TableColumn("Updated", width: 10, priority: 1),
    ]

    /// Draws the picker over `area`.
    static func render(_ state: AppState, area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let market = state.latest?.market
        let lists = market?.alpacaWatchlists
        let rows = lists?.count ?? 0
        let box = area.centered(width: min(area.width, 50), height: min(area.height, max(5, rows + 4)))
        guard box.width >= 12, box.height >= 4 else { return }
        let block = Block(title: "Alpaca watchlists · Enter open · Esc close", focused: true)
        block.render(into: &buffer, area: box, theme: theme)
        buffer.overlay(box, style: Style(background: theme.style(.body).background))
        let inner = block.inner(box)
        if let failure = market?.alpacaWatchlistFailure {
            Paragraph([[TextSpan("✗ " + WatchlistScreen.failureText(failure), role: .qualityError)]])
                .render(into: &buffer, area: inner, theme: theme)
            return
        }
        guard let lists else {
            Paragraph([[TextSpan("Loading your watchlists…", role: .muted)]]).render(
                into: &buffer, area: inner, theme: theme)
            return
        }
        guard !lists.isEmpty else {
            Paragraph([[TextSpan("This account has no watchlists.", role: .muted)]]).render(
                into: &buffer, area: inner, theme: theme)
            return
        }
        let picker = state.watchlistPicker ?? ListState()
        let tableRows = lists.map { list in
            TableRow([
                TableCell(list.name),
                TableCell(list.updatedAt.map { NewYorkTime($0).date.description } ?? Format.missing, role: .muted),
            ])
        }
        Table(columns: columns, rows: tableRows, selected: picker.selected, offset: picker.offset)
            .render(into: &buffer, area: inner, theme: theme)
    }
}
