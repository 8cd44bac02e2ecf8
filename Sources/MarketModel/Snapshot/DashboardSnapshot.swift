/// Everything market-related the dashboard shows, published by the pipeline as one immutable value.
///
/// The UI renders only what is in here (plus the cache and metrics snapshots); newest wins.
public struct DashboardSnapshot: Sendable, Equatable {
    /// Increases with every publication.
    public var generation: UInt64
    /// Live or simulated.
    public var origin: DataOrigin
    /// The stock feed (`iex`, `sip`).
    public var stockFeed: String
    /// The options feed (`indicative`, `opra`).
    public var optionsFeed: String
    /// The market clock, once fetched.
    public var clock: MarketClock?
    /// When any refresh last succeeded.
    public var lastSuccessfulRefresh: Timestamp?
    /// The latest upstream-level failure (shown by the error indicator), cleared by a success.
    public var lastError: PipelineFailure?
    /// Watchlist rows in watchlist order.
    public var watchlist: [WatchlistRow]
    /// The focused option chain, when one is open.
    public var chain: OptionChainView?
    /// Quality per symbol.
    public var quality: [QualityRow]
    /// The most recent validation failures, newest first (at most 500).
    public var validationFailures: [ValidationFailureRecord]
    /// Failure counts per rule since start.
    public var failureCounts: [RuleID: Int]
    /// The watchlist refresh interval in seconds.
    public var refreshInterval: Double
    /// Whether refreshing is paused.
    public var paused: Bool
    /// The latest alert crossings, newest first.
    public var alerts: [AlertEvent]
    /// How many alert states are firing now.
    public var activeAlertCount: Int
    /// How many times an alert has fired since start (the bell rings when it grows).
    public var alertsFired: Int
    /// The account, positions and open orders, once read.
    public var portfolio: PortfolioView?
    /// The focused chart, when one is open.
    public var chart: ChartSeries?
    /// The account's Alpaca watchlists, once asked for (`w`); nil before.
    public var alpacaWatchlists: [AlpacaWatchlist]?
    /// Why the Alpaca watchlists could not be read or opened, if they could not.
    public var alpacaWatchlistFailure: PipelineFailure?
    /// The market-data stream, when the dashboard uses one (nil: `--no-stream`, or headless).
    public var stream: StreamStatus?
    /// The option stream (the chain's contracts on screen), when the dashboard uses one.
    public var optionStream: StreamStatus?
    /// When the earliest stream message this publication carries arrived (for the tick → painted
    /// figure); nil when it carries none.
    public var streamArrival: Timestamp?

    /// Creates a snapshot.
    public init(
        generation: UInt64 = 0, origin: DataOrigin, stockFeed: String = "iex", optionsFeed: String = "indicative",
        clock: MarketClock? = nil, lastSuccessfulRefresh: Timestamp? = nil, lastError: PipelineFailure? = nil,
        watchlist: [WatchlistRow] = [], chain: OptionChainView? = nil, quality: [QualityRow] = [],
        validationFailures: [ValidationFailureRecord] = [], failureCounts: [RuleID: Int] = [:],
        refreshInterval: Double = 2, paused: Bool = false, alerts: [AlertEvent] = [], activeAlertCount: Int = 0,
        alertsFired: Int = 0, alpacaWatchlists: [AlpacaWatchlist]? = nil,
        alpacaWatchlistFailure: PipelineFailure? = nil, chart: ChartSeries? = nil, portfolio: PortfolioView? = nil
    ) {
        self.generation = generation
        self.origin = origin
        self.stockFeed = stockFeed
        self.optionsFeed = optionsFeed
        self.clock = clock
        self.lastSuccessfulRefresh = lastSuccessfulRefresh
        self.lastError = lastError
        self.watchlist = watchlist
        self.chain = chain
        self.quality = quality
        self.validationFailures = validationFailures
        self.failureCounts = failureCounts
        self.refreshInterval = refreshInterval
        self.paused = paused
        self.alerts = alerts
        self.activeAlertCount = activeAlertCount
        self.alertsFired = alertsFired
        self.alpacaWatchlists = alpacaWatchlists
        self.alpacaWatchlistFailure = alpacaWatchlistFailure
        self.chart = chart
        self.portfolio = portfolio
    }
}
