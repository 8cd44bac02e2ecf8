/// Metadata the enrichment and derived-field stages attach to a validated value.
///
/// Derived fields are present only when their inputs exist; they never stand in for market data.
public struct Enrichment: Sendable, Equatable {
    /// Where the value came from.
    public var dataSource: DataSource
    /// When the pipeline processed it.
    public var processingTimestamp: Timestamp
    /// Freshness against the session's limit.
    public var freshness: Freshness
    /// The market session at processing time.
    public var marketStatus: MarketSession
    /// The quality score with its reasons.
    public var quality: QualityScore
    /// ask − bid, when both are present and non-zero.
    public var spread: Double?
    /// (ask + bid) / 2, when both are present and non-zero.
    public var midPrice: Double?
    /// Whether the value's timestamp falls in regular hours.
    public var isMarketHours: Bool
    /// Age of the upstream timestamp at processing time, in seconds.
    public var dataAgeSeconds: Double?

    /// Creates an enrichment record.
    public init(
        dataSource: DataSource, processingTimestamp: Timestamp, freshness: Freshness, marketStatus: MarketSession,
        quality: QualityScore, spread: Double?, midPrice: Double?, isMarketHours: Bool, dataAgeSeconds: Double?
    ) {
        self.dataSource = dataSource
        self.processingTimestamp = processingTimestamp
        self.freshness = freshness
        self.marketStatus = marketStatus
        self.quality = quality
        self.spread = spread
        self.midPrice = midPrice
        self.isMarketHours = isMarketHours
        self.dataAgeSeconds = dataAgeSeconds
    }
}
