import MarketModel

/// Figures shown for one stock quote, computed only from values the upstream sent.
struct QuoteFigures {
    /// Last trade price.
    var last: Double?
    /// last − previous close, when both exist.
    var change: Double?
    /// change / previous close, when both exist and the close is not zero.
    var changePercent: Double?

    /// Derives the figures of a quote.
    init(_ quote: StockQuote) {
        last = quote.lastPrice
        if let last = quote.lastPrice, let close = quote.previousClose {
            change = last - close
            changePercent = close != 0 ? (last - close) / close * 100 : nil
        }
    }
}
