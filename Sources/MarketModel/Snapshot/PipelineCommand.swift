/// What the UI asks the pipeline to do (effects become these; the pipeline never sees the UI).
public enum PipelineCommand: Sendable, Equatable {
    /// Refresh everything now, bypassing the cache.
    case refreshNow
    /// Pause or resume the background refresh.
    case setPaused(Bool)
    /// Set the watchlist refresh interval in seconds.
    case setRefreshInterval(Double)
    /// Focus the option chain of an underlying (nil expiration: the nearest).
    case openChain(underlying: String, expiration: CalendarDate?)
    /// Stop refreshing the option chain.
    case closeChain
    /// Stream these option contracts (the ones on screen); an empty list unsubscribes them all.
    case streamContracts([String])
    /// Add a symbol to the watchlist (and save it to the config file).
    case addSymbol(String)
    /// Remove a symbol from the watchlist (and save it to the config file).
    case removeSymbol(String)
    /// Focus the chart of a symbol at a timeframe (`1Min` … `1Day`).
    case openChart(symbol: String, timeframe: String)
    /// Stop refreshing the chart.
    case closeChart
    /// Fetch the account's watchlists from Alpaca (read-only).
    case listAlpacaWatchlists
    /// Make the Alpaca watchlist with this id the dashboard's watchlist (saved to the config file).
    case openAlpacaWatchlist(id: String)
}
