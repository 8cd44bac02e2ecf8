/// Counters of one cache (or one data class of it).
public struct CacheStats: Sendable, Equatable {
    /// Gets answered from a live entry.
    public var hits: Int
    /// Gets that found nothing usable and went upstream.
    public var misses: Int
    /// Entries found past their TTL (dropped, never served).
    public var expiries: Int
    /// Entries removed to respect the size bound (least recently used first).
    public var evictions: Int
    /// Entries held now.
    public var entries: Int
    /// Lookups that found no live entry but joined a fetch already in flight for the same key.
    ///
    /// Neither a hit (no entry answered them) nor a miss (they caused no upstream request), so
    /// `misses` equals the number of upstream fetches the cache started.
    public var coalesced: Int

    /// Creates a counter set.
    public init(
        hits: Int = 0, misses: Int = 0, expiries: Int = 0, evictions: Int = 0, entries: Int = 0, coalesced: Int = 0
    ) {
        self.hits = hits
        self.misses = misses
        self.expiries = expiries
        self.evictions = evictions
        self.entries = entries
        self.coalesced = coalesced
    }

    /// hits / (hits + misses), or nil before the first get.
    public var hitRate: Double? {
        let total = hits + misses
        return total == 0 ? nil : Double(hits) / Double(total)
    }
}

/// The stats of one data class with its current TTL, as the cache panel lists them.
public struct CacheClassReport: Sendable, Equatable {
    /// The class name: `real-time`, `historical`, `reference`.
    public var name: String
    /// The TTL in force now, in seconds.
    public var ttlSeconds: Double
    /// The counters.
    public var stats: CacheStats

    /// Creates a report.
    public init(name: String, ttlSeconds: Double, stats: CacheStats) {
        self.name = name
        self.ttlSeconds = ttlSeconds
        self.stats = stats
    }
}
