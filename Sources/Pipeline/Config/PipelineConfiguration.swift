public import MarketModel

/// Thresholds and limits of the pipeline stages (all configurable from the config file).
public struct PipelineConfiguration: Sendable, Equatable {
    /// During the regular session, data older than this (seconds) is stale (V009).
    public var stalenessLimit: Double = 300
    /// How far in the future a timestamp may be before it is rejected (V008), in seconds.
    public var clockSkewTolerance: Double = 5
    /// QA rejects values scoring below this (Q001).
    public var minimumQualityScore: Int = 40
    /// The sane price range for stocks and options (B001).
    public var priceRange: ClosedRange<Double> = 0.0001...1_000_000
    /// The largest move from the previous close, as a fraction (B002): 0.5 = ±50 %.
    public var maxMoveFromPreviousClose: Double = 0.5
    /// Tolerance of "last trade within the day's range" as a fraction of the price (B003).
    public var dayRangeTolerance: Double = 0.01
    /// How far an option ask may sit below intrinsic value, in dollars (B006).
    public var intrinsicTolerance: Double = 0.05
    /// How long after the clock closes a print may still carry a regular-session time, in seconds (B008).
    public var marketContextTolerance: Double = 300
    /// The largest size, volume, trade count or open interest accepted (V004); 10^13 is a thousand
    /// times the busiest day any US listing has had.
    public var maxSize: Int64 = 10_000_000_000_000
    /// The largest option gamma accepted (B007).
    public var maxGamma: Double = 10_000
    /// The largest magnitude of theta, vega and rho accepted (B007), dollars per share.
    public var maxGreekMagnitude: Double = 1_000_000
    /// The largest implied volatility accepted (B007), as a fraction: 100 = 10 000 %.
    public var maxImpliedVolatility: Double = 100
    /// Where values come from (lineage).
    public var dataSource: DataSource = .alpaca

    /// Creates the default configuration.
    public init() {}
}
