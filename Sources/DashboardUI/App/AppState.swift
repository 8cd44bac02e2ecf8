public import MarketMetrics
public import MarketModel
public import TUICore

/// The whole UI state: where the user is, what is selected, and the latest data.
public struct AppState: Sendable, Equatable {
    /// The drill-down stack; never empty, the last element is on screen.
    public var routes: [Route]
    /// Selection and scroll per route.
    public var lists: [Route: ListState]
    /// Filter text per panel.
    public var filters: [Panel: String]
    /// Sort choice per panel (an index into the panel's sort orders).
    public var sortIndex: [Panel: Int]
    /// What typed characters do.
    public var inputMode: InputMode
    /// Whether the help overlay is shown.
    public var helpVisible: Bool
    /// The latest data from the pipeline, nil until the first update.
    public var latest: DashboardUpdate?
    /// When each symbol's last, bid or ask last changed, and which of them (briefly highlighted).
    public var ticks: [String: PriceTick] = [:]
    /// The terminal size.
    public var size: Size
    /// The time of the latest tick.
    public var now: Timestamp?
    /// The underlying whose chain is open in the pipeline, if any.
    public var chainSymbol: String?
    /// The chain side the contract drill-down opens.
    public var chainSide: OCCSymbol.Kind
    /// The option contracts the pipeline was last asked to stream (``contractsToStream`` then).
    public var streamedContracts: [String] = []
    /// The refresh interval in seconds (as requested, until the pipeline confirms it).
    public var refreshInterval: Double
    /// Whether refreshing is paused (as requested, until the pipeline confirms it).
    public var paused: Bool
    /// Rows older than this many seconds are marked stale even if the pipeline said fresh.
    public var staleAfterSeconds: Double
    /// A one-line notice for the footer (cleared by the next key).
    public var notice: String?
    /// The data source known at start-up, shown before the first update (then the update's wins).
    public var origin: DataOrigin?
    /// The chart's timeframe (`t`/`T` step through ``ChartSeries/timeframes``).
    public var chartTimeframe: String
    /// The Alpaca watchlist picker's selection while it is open (`w`), nil when closed.
    public var watchlistPicker: ListState?

    /// Creates the initial state: the watchlist, no data yet.
    /// - Parameters:
    ///   - size: The terminal size.
    ///   - refreshInterval: The configured refresh interval in seconds.
    ///   - staleAfterSeconds: Age after which rows are marked stale.
    ///   - origin: The data source, so `SIMULATED` shows even before the first update.
    public init(
        size: Size = Size(width: 80, height: 24), refreshInterval: Double = 2, staleAfterSeconds: Double = 60,
        origin: DataOrigin? = nil
    ) {
        self.routes = [.watchlist]
        self.lists = [:]
        self.filters = [:]
        self.sortIndex = [:]
        self.inputMode = .normal
        self.helpVisible = false
        self.latest = nil
        self.size = size
        self.now = nil
        self.chainSymbol = nil
        self.chainSide = .call
        self.refreshInterval = refreshInterval
        self.paused = false
        self.staleAfterSeconds = staleAfterSeconds
        self.notice = nil
        self.origin = origin
        self.watchlistPicker = nil
        self.chartTimeframe = "5Min"
    }

    /// The route on screen.
    public var route: Route { routes.last ?? .watchlist }

    /// The panel on screen.
    public var panel: Panel { route.panel }

    /// The filter of the panel on screen.
    public var filter: String { filters[panel] ?? "" }
}
