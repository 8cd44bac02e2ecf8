/// What a key binding does.
public enum Action: Sendable, Hashable {
    /// Select the previous row.
    case moveUp
    /// Select the next row.
    case moveDown
    /// Move up one page.
    case pageUp
    /// Move down one page.
    case pageDown
    /// Select the first row.
    case top
    /// Select the last row.
    case bottom
    /// Open the selected item (symbol → chain → contract).
    case drillDown
    /// Go back one level (closing the chain when leaving it), or clear the filter.
    case back
    /// Show the next panel.
    case nextPanel
    /// Show the previous panel.
    case previousPanel
    /// Show a panel by number.
    case showPanel(Panel)
    /// Start typing a filter.
    case beginFilter
    /// Sort by the next column.
    case cycleSort
    /// Show the previous expiry of the chain.
    case previousExpiry
    /// Show the next expiry of the chain.
    case nextExpiry
    /// Select the call side of the chain.
    case selectCalls
    /// Select the put side of the chain.
    case selectPuts
    /// Ask for a delta and select the strike whose delta on the selected side is nearest it.
    case jumpToDelta
    /// Refresh less often.
    case longerRefreshInterval
    /// Refresh more often.
    case shorterRefreshInterval
    /// Pause or resume refreshing.
    case togglePause
    /// Refresh now, bypassing the cache.
    case refreshNow
    /// Add a symbol to the watchlist.
    case addSymbol
    /// Remove the selected symbol from the watchlist.
    case removeSymbol
    /// Open the candle chart of the selected symbol (or the chain's underlying).
    case openChart
    /// The chart's next timeframe.
    case nextTimeframe
    /// The chart's previous timeframe.
    case previousTimeframe
    /// List the account's Alpaca watchlists, to open one as the watchlist.
    case showAlpacaWatchlists
    /// Show or hide the help overlay.
    case toggleHelp
    /// Repaint the whole screen.
    case redraw
    /// Quit.
    case quit
}
