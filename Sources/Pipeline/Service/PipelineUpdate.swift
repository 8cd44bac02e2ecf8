public import MarketMetrics
public import MarketModel
public import TTLCache

/// What the pipeline publishes after every refresh: the market snapshot, the metrics and the
/// cache statistics, as immutable values.
///
/// Consumers keep only the newest.
public struct PipelineUpdate: Sendable, Equatable {
    /// Market data and the ops journal.
    public var market: DashboardSnapshot
    /// Stage and endpoint metrics.
    public var metrics: MetricsSnapshot
    /// Cache statistics per data class.
    public var cache: [CacheClassReport]

    /// Creates an update.
    public init(market: DashboardSnapshot, metrics: MetricsSnapshot, cache: [CacheClassReport]) {
        self.market = market
        self.metrics = metrics
        self.cache = cache
    }
}
