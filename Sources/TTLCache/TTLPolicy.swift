/// How long entries of each data class live, while the market is open and while it is closed.
public struct TTLPolicy: Sendable, Equatable {
    /// One TTL per data class.
    public struct Durations: Sendable, Equatable {
        /// The TTL of real-time data.
        public var realTime: Duration
        /// The TTL of historical data.
        public var historical: Duration
        /// The TTL of reference data.
        public var reference: Duration

        /// Creates a set of TTLs; each must be positive.
        public init(realTime: Duration, historical: Duration, reference: Duration) {
            precondition(realTime > .zero && historical > .zero && reference > .zero, "TTLs must be positive")
            self.realTime = realTime
            self.historical = historical
            self.reference = reference
        }

        /// The TTL of one class.
        public subscript(cacheClass: CacheClass) -> Duration {
            switch cacheClass {
            case .realTime: realTime
            case .historical: historical
            case .reference: reference
            }
        }
    }

    /// The TTLs while the regular session is open.
    public var marketOpen: Durations
    /// The TTLs while the market is closed (nothing moves, so entries may live longer).
    public var marketClosed: Durations

    /// Creates a policy.
    public init(
        marketOpen: Durations = TTLPolicy.standard.marketOpen,
        marketClosed: Durations = TTLPolicy.standard.marketClosed
    ) {
        self.marketOpen = marketOpen
        self.marketClosed = marketClosed
    }

    /// The product defaults: 30 s / 1 h / 24 h while open; 5 min / 6 h / 24 h while closed.
    public static var standard: TTLPolicy {
        TTLPolicy(
            marketOpen: Durations(realTime: .seconds(30), historical: .seconds(3_600), reference: .seconds(86_400)),
            marketClosed: Durations(realTime: .seconds(300), historical: .seconds(21_600), reference: .seconds(86_400))
        )
    }

    /// The TTL of `cacheClass` in the given market state.
    ///
    /// - Parameters:
    ///   - cacheClass: The data class.
    ///   - isMarketOpen: Whether the regular session is open.
    /// - Returns: The TTL new entries of that class get.
    public func ttl(for cacheClass: CacheClass, isMarketOpen: Bool) -> Duration {
        isMarketOpen ? marketOpen[cacheClass] : marketClosed[cacheClass]
    }
}
