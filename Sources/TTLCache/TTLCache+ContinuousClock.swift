extension TTLCache where C == ContinuousClock {
    /// Creates an empty cache on the continuous (monotonic) clock.
    ///
    /// - Parameters:
    ///   - policy: The TTLs per data class and market state.
    ///   - maximumEntries: The size bound; must be positive.
    ///   - isMarketOpen: The market state until ``setMarketOpen(_:)`` says otherwise.
    public init(policy: TTLPolicy = .standard, maximumEntries: Int = 10_000, isMarketOpen: Bool = true) {
        self.init(clock: ContinuousClock(), policy: policy, maximumEntries: maximumEntries, isMarketOpen: isMarketOpen)
    }
}
