import MarketModel

/// One generated top-of-book quote (stock or option).
struct SimQuote: Sendable, Equatable {
    /// The quote time.
    var time: Timestamp
    /// Bid exchange code.
    var bidExchange: String
    /// Bid price (0 = no bid).
    var bidPrice: Double
    /// Bid size.
    var bidSize: Int
    /// Ask exchange code.
    var askExchange: String
    /// Ask price (0 = no ask).
    var askPrice: Double
    /// Ask size.
    var askSize: Int
}
