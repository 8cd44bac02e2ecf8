/// Where a value came from (data lineage).
public enum DataSource: String, Sendable, Hashable, Codable {
    /// Real Alpaca, live.
    case alpaca
    /// The built-in Alpaca-compatible simulator.
    case simulator
}

/// Whether a value was served from the cache or fetched just now.
public enum Delivery: String, Sendable, Hashable, Codable {
    /// From the in-process TTL cache.
    case cache
    /// Fetched from the upstream for this request.
    case realTime = "real_time"
    /// Pushed by the market-data stream.
    case stream
}
