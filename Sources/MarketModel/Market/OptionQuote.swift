/// One option contract's latest market state from a chain or option snapshot, joined with its
/// contract reference data when we have it.
///
/// Missing values stay nil.
public struct OptionQuote: Sendable, Equatable {
    /// The contract.
    public var contract: OCCSymbol
    /// The underlying the contract was requested for (for example `SPX` for root `SPXW`).
    public var underlying: String
    /// Best bid; 0 means no bid.
    public var bidPrice: Double?
    /// Best ask; 0 means no ask.
    public var askPrice: Double?
    /// Contracts at the bid.
    public var bidSize: Int64?
    /// Contracts at the ask.
    public var askSize: Int64?
    /// When the quote was made.
    public var quoteTime: Timestamp?
    /// Last trade price.
    public var lastPrice: Double?
    /// Last trade size.
    public var lastSize: Int64?
    /// When the last trade happened.
    public var tradeTime: Timestamp?
    /// Today's volume from the daily bar, when sent.
    public var volume: Int64?
    /// Open interest from the contract listing, when known.
    public var openInterest: Int64?
    /// Implied volatility, when Alpaca could compute it.
    public var impliedVolatility: Double?
    /// Greeks, when Alpaca could compute them.
    public var greeks: Greeks?

    /// Creates an option quote.
    public init(
        contract: OCCSymbol, underlying: String, bidPrice: Double? = nil, askPrice: Double? = nil,
        bidSize: Int64? = nil, askSize: Int64? = nil, quoteTime: Timestamp? = nil, lastPrice: Double? = nil,
        lastSize: Int64? = nil, tradeTime: Timestamp? = nil, volume: Int64? = nil, openInterest: Int64? = nil,
        impliedVolatility: Double? = nil, greeks: Greeks? = nil
    ) {
        self.contract = contract
        self.underlying = underlying
        self.bidPrice = bidPrice
        self.askPrice = askPrice
        self.bidSize = bidSize
        self.askSize = askSize
        self.quoteTime = quoteTime
        self.lastPrice = lastPrice
        self.lastSize = lastSize
        self.tradeTime = tradeTime
        self.volume = volume
        self.openInterest = openInterest
        self.impliedVolatility = impliedVolatility
        self.greeks = greeks
    }

    /// The newest of the quote and trade times.
    public var timestamp: Timestamp? {
        switch (quoteTime, tradeTime) {
        case (let q?, let t?): return max(q, t)
        case (let q?, nil): return q
        case (nil, let t?): return t
        default: return nil
        }
    }
}
