/// One watchlist row: the last good value (if any), with the latest failure (if any).
///
/// When both are set the screen shows the last good value with its age and the error beside it;
/// when only `failure` is set it shows the rule id in place of numbers.
public struct WatchlistRow: Sendable, Equatable {
    /// The ticker.
    public var symbol: String
    /// The last value that passed the pipeline.
    public var quote: ProcessedStockQuote?
    /// The latest failure, cleared by the next success.
    public var failure: PipelineFailure?
    /// Recent closes for the sparkline (oldest first); empty until bars arrive.
    public var sparkline: [Double]
    /// The stream's latest trading status code when it is not "T" (trading): `H` halted, `P`
    /// paused, `Q` quotation only; nil while trading or before any status arrived.
    public var haltCode: String?

    /// Creates a row.
    public init(
        symbol: String, quote: ProcessedStockQuote? = nil, failure: PipelineFailure? = nil, sparkline: [Double] = []
    ) {
        self.symbol = symbol
        self.quote = quote
        self.failure = failure
        self.sparkline = sparkline
    }
}

extension WatchlistRow {
    /// Takes an accepted quote: it is the row's value now, and any earlier failure is over.
    /// - Parameter quote: The quote.
    public mutating func accept(_ quote: ProcessedStockQuote) {
        self.quote = quote
        failure = nil
    }
}
