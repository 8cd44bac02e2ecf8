/// An OHLCV bar.
public struct Bar: Sendable, Equatable {
    /// The bar's start time.
    public var time: Timestamp
    /// Open price.
    public var open: Double
    /// High price.
    public var high: Double
    /// Low price.
    public var low: Double
    /// Close price.
    public var close: Double
    /// Volume.
    public var volume: Int64
    /// Number of trades, when sent.
    public var tradeCount: Int64?
    /// Volume-weighted average price, when sent.
    public var vwap: Double?

    /// Creates a bar.
    public init(
        time: Timestamp, open: Double, high: Double, low: Double, close: Double, volume: Int64,
        tradeCount: Int64? = nil, vwap: Double? = nil
    ) {
        self.time = time
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
        self.tradeCount = tradeCount
        self.vwap = vwap
    }
}
