/// A value that passed every pipeline stage, with its enrichment and how it was delivered.
public struct Processed<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The upstream value, unmodified.
    public var value: Value
    /// Enrichment and derived fields.
    public var enrichment: Enrichment
    /// Cache or real time.
    public var delivery: Delivery

    /// Creates a processed value.
    public init(value: Value, enrichment: Enrichment, delivery: Delivery) {
        self.value = value
        self.enrichment = enrichment
        self.delivery = delivery
    }
}

/// A processed stock quote.
public typealias ProcessedStockQuote = Processed<StockQuote>
/// A processed option quote.
public typealias ProcessedOptionQuote = Processed<OptionQuote>
