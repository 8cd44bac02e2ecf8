/// A stock's latest market state, built from an Alpaca snapshot.
///
/// Values are exactly as sent; a
/// field the upstream did not send is nil, never 0.
public struct StockQuote: Sendable, Equatable {
    /// The ticker.
    public var symbol: String
    /// Best bid; nil when absent.
    ///
    /// Alpaca's 0 means "no bid" and is kept as 0.
    public var bidPrice: Double?
    /// Best ask; nil when absent.
    ///
    /// Alpaca's 0 means "no ask" and is kept as 0.
    public var askPrice: Double?
    /// Shares at the bid.
    public var bidSize: Int64?
    /// Shares at the ask.
    public var askSize: Int64?
    /// When the quote was made.
    public var quoteTime: Timestamp?
    /// Last trade price.
    public var lastPrice: Double?
    /// Last trade size.
    public var lastSize: Int64?
    /// When the last trade happened.
    public var tradeTime: Timestamp?
    /// Today's daily bar.
    public var dailyBar: Bar?
    /// The previous session's daily bar.
    public var previousDailyBar: Bar?
    /// The latest minute bar.
    public var minuteBar: Bar?

    /// Creates a quote.
    public init(
        symbol: String, bidPrice: Double? = nil, askPrice: Double? = nil, bidSize: Int64? = nil,
        askSize: Int64? = nil, quoteTime: Timestamp? = nil, lastPrice: Double? = nil, lastSize: Int64? = nil,
        tradeTime: Timestamp? = nil, dailyBar: Bar? = nil, previousDailyBar: Bar? = nil, minuteBar: Bar? = nil
    ) {
        self.symbol = symbol
        self.bidPrice = bidPrice
        self.askPrice = askPrice
        self.bidSize = bidSize
        self.askSize = askSize
        self.quoteTime = quoteTime
        self.lastPrice = lastPrice
        self.lastSize = lastSize
        self.tradeTime = tradeTime
        self.dailyBar = dailyBar
        self.previousDailyBar = previousDailyBar
        self.minuteBar = minuteBar
    }

    /// The newest of the quote and trade times: when the upstream last produced this data.
    public var timestamp: Timestamp? {
        switch (quoteTime, tradeTime) {
        case (let q?, let t?): return max(q, t)
        case (let q?, nil): return q
        case (nil, let t?): return t
        default: return nil
        }
    }

    /// Today's volume from the daily bar.
    public var volume: Int64? { dailyBar?.volume }

    /// The previous session's close.
    public var previousClose: Double? { previousDailyBar?.close }
}
