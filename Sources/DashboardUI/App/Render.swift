import MarketMetrics
public import MarketModel
public import TUICore

/// Draws the whole screen for a state.
///
/// Pure: the same inputs always give the same buffer.
/// - Parameters:
///   - state: The UI state.
///   - theme: The theme.
///   - size: The terminal size.
///   - now: The current time (ages and countdowns are computed from it).
/// - Returns: The frame.
public func render(_ state: AppState, theme: Theme, size: Size, now: Timestamp) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: Size(width: 0, height: 0))
    render(state, theme: theme, size: size, now: now, into: &buffer)
    return buffer
}

/// Draws the whole screen for a state into a recycled buffer, which is reset first: the result
/// is the same as `render(_:theme:size:now:)`, without allocating a frame when `buffer` is
/// uniquely held and already of `size`.
/// - Parameters:
///   - state: The UI state.
///   - theme: The theme.
///   - size: The terminal size.
///   - now: The current time.
///   - buffer: The buffer to draw into; whatever it held is discarded.
public func render(_ state: AppState, theme: Theme, size: Size, now: Timestamp, into buffer: inout ScreenBuffer) {
    buffer.reset(size: size, fill: .blank(theme.style(.body)))
    let screen = Rect(size: size)
    guard size.width >= 20, size.height >= 6 else {
        let message = TerminalSanitizer.clamp("too small", toWidth: size.width)
        buffer.write(message, x: 0, y: size.height / 2, style: theme.style(.qualityWarn))
        return
    }
    let parts = Layout(.vertical, [.length(1), .fill(1), .length(1), .length(1)]).split(screen)
    Tabs(
        titles: Panel.allCases.map(\.title), shortTitles: Panel.allCases.map(\.shortTitle),
        selected: state.panel.rawValue - 1
    )
    .render(into: &buffer, area: parts[0], theme: theme)

    let block = Block(title: Breadcrumbs(state.routes.map(\.crumb)).text(width: max(0, size.width - 6)), focused: true)
    block.render(into: &buffer, area: parts[1], theme: theme)
    let inner = block.inner(parts[1])
    if let latest = state.latest {
        renderRoute(state, latest, theme: theme, now: now, area: inner, into: &buffer)
    } else {
        Paragraph([
            [TextSpan("Waiting for data…", role: .qualityWarn)],
            [TextSpan("Nothing is shown until the first refresh arrives.", role: .muted)],
        ]).render(into: &buffer, area: inner.centered(width: min(inner.width, 50), height: 2), theme: theme)
    }

    StatusLine.bar(state, now: now).render(into: &buffer, area: parts[2], theme: theme)
    Footer.render(state, into: &buffer, area: parts[3], theme: theme)
    if state.watchlistPicker != nil {
        AlpacaWatchlistPicker.render(state, area: parts[1], into: &buffer, theme: theme)
    }
    if state.helpVisible {
        HelpContent.overlay(for: state.panel).render(into: &buffer, area: parts[1], theme: theme)
    }
}

/// Draws the content of the route on screen.
private func renderRoute(
    _ state: AppState, _ latest: DashboardUpdate, theme: Theme, now: Timestamp, area: Rect,
    into buffer: inout ScreenBuffer
) {
    switch state.route {
    case .watchlist:
        WatchlistScreen.render(state, now: now, area: area, into: &buffer, theme: theme)
    case .optionChain(let symbol):
        OptionChainScreen.render(state, symbol: symbol, now: now, area: area, into: &buffer, theme: theme)
    case .chart(let symbol):
        ChartScreen.render(state, symbol: symbol, now: now, area: area, into: &buffer, theme: theme)
    case .contract(let occ):
        ContractDetailScreen.render(state, contract: occ, now: now, area: area, into: &buffer, theme: theme)
    case .quality:
        QualityPanel.render(state, area: area, into: &buffer, theme: theme)
    case .validation:
        ValidationPanel.render(state, latest.market, area: area, into: &buffer, theme: theme)
    case .cache:
        CachePanel.render(state, latest, area: area, into: &buffer, theme: theme)
    case .portfolio:
        PortfolioScreen.render(state, now: now, area: area, into: &buffer, theme: theme)
    case .upstream:
        UpstreamPanel.render(state, latest.metrics, now: now, area: area, into: &buffer, theme: theme)
    }
}
