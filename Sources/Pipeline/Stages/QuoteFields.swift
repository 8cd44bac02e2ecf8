import MarketModel

/// What the enrichment, derived-field and QA stages read of a quote, stock or option alike.
protocol QuoteFields: Sendable, Equatable {
    var bidPrice: Double? { get }
    var askPrice: Double? { get }
    var volume: Int64? { get }
    var timestamp: Timestamp? { get }
}

extension StockQuote: QuoteFields {}
extension OptionQuote: QuoteFields {}
