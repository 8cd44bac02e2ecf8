import MarketModel

/// One generated OHLCV bar.
struct SimBar: Sendable, Equatable {
    /// The bar's start time (daily bars: New York midnight).
    var time: Timestamp
    /// Open.
    var open: Double
    /// High.
    var high: Double
    /// Low.
    var low: Double
    /// Close.
    var close: Double
    /// Volume in shares.
    var volume: Int64
    /// Number of trades.
    var tradeCount: Int64
    /// Volume-weighted average price.
    var vwap: Double
}
