import MarketModel

/// A generated option snapshot: quote, last trade, greeks and implied volatility.
struct SimOptionSnapshot: Sendable, Equatable {
    /// Greeks as the data API reports them.
    struct Greeks: Sendable, Equatable {
        /// Delta.
        var delta: Double
        /// Gamma.
        var gamma: Double
        /// Rho.
        var rho: Double
        /// Theta per day.
        var theta: Double
        /// Vega per vol point.
        var vega: Double
    }

    /// The contract.
    var contract: OCCSymbol
    /// Latest quote.
    var quote: SimQuote
    /// Latest trade, if the contract has traded.
    var trade: SimTrade?
    /// Greeks.
    var greeks: Greeks
    /// Implied volatility.
    var impliedVolatility: Double
    /// The model value the quote brackets.
    var theoretical: Double
    /// The underlying mid used for pricing.
    var underlyingPrice: Double
}
