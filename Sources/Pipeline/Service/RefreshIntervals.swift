/// How often each data class is refreshed, in seconds (all configurable).
public struct RefreshIntervals: Sendable, Equatable {
    /// Watchlist snapshots.
    public var watchlist: Double = 2
    /// The market clock.
    public var clock: Double = 30
    /// The focused option chain.
    public var chain: Double = 5
    /// Bars for the sparklines.
    public var bars: Double = 60
    /// The account, positions and open orders.
    public var portfolio: Double = 15

    /// Creates the defaults.
    public init() {}
}
