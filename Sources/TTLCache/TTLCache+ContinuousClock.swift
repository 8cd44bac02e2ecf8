extension TTLCache where C == ContinuousClock {
    /// Creates an empty cache on the continuous (monotonic) clock.
    ///
    /// - Parameters:
    ///   - policy: The TTLs per data class and market state.
    ///   - maximumEntries: The size bound; must be positive.
    ///   - maximumBytes: The bound on the sum of the values' costs.
    ///   - cost: A value's estimated size in bytes.
    ///   - isMarketOpen: The market state until ``setMarketOpen(_:)`` says otherwise.
    public init(
        policy: TTLPolicy = .standard, maximumEntries: Int = 10_000, maximumBytes: Int = 64 << 20,
        cost: @escaping @Sendable (Value) -> Int = { _ in MemoryLayout<Value>.stride }, isMarketOpen: Bool = true
    ) {
        self.init(
            clock: ContinuousClock(), policy: policy, maximumEntries: maximumEntries, maximumBytes: maximumBytes,
            cost: cost, isMarketOpen: isMarketOpen)
    }
}
