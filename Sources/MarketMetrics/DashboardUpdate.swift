public import MarketModel
public import TTLCache

/// Everything the pipeline publishes for one frame: market data, metrics and cache statistics, as
/// immutable values; the one update type from the pipeline to the screen and the headless commands.
///
/// Consumers keep only the newest, by `market.generation`.
public struct DashboardUpdate: Sendable, Equatable {
    /// Market data, validation results and the refresh state.
    public var market: DashboardSnapshot
    /// Pipeline-stage and upstream metrics.
    public var metrics: MetricsSnapshot
    /// Cache statistics per data class.
    public var cache: [CacheClassReport]

    /// Creates an update.
    /// - Parameters:
    ///   - market: Market data.
    ///   - metrics: Metrics.
    ///   - cache: Cache statistics per data class.
    public init(market: DashboardSnapshot, metrics: MetricsSnapshot = MetricsSnapshot(), cache: [CacheClassReport] = [])
    {
        self.market = market
        self.metrics = metrics
        self.cache = cache
    }
}
