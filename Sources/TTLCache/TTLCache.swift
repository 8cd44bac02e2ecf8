/// A bounded in-memory cache whose entries expire after a TTL that depends on their data class.
///
/// - Entries past their TTL are never served: a lookup that finds one drops it and counts an
///   expiry and a miss. An entry is live while `now < stored + ttl`, so it is served at TTL − ε and
///   not at TTL.
/// - New entries take the TTL of their class in the current market state (``setMarketOpen(_:)``);
///   entries already stored keep the expiry they were given.
/// - The cache holds at most ``maximumEntries`` whose estimated sizes (`cost`) add up to at most
///   ``maximumBytes``; inserting beyond either evicts least recently used entries (a hit or a store
///   makes an entry the most recently used). A value larger than ``maximumBytes`` on its own is
///   not stored at all.
/// - ``sweep()`` drops expired entries; ``runSweeper(every:)`` calls it on a schedule, so entries
///   nobody asks for again do not stay until evicted.
/// - ``value(for:class:bypass:fetch:)`` single-flights upstream fetches per key.
/// - Time comes from the clock `C`, so tests drive it with a manual clock.
///
/// No lock is held across an `await`: the actor's state changes only between suspension points.
public actor TTLCache<Key: Hashable & Sendable, Value: Sendable, C: Clock> where C.Duration == Duration {
    /// The clock that decides expiry.
    public nonisolated let clock: C
    /// The most entries the cache holds before it evicts.
    public nonisolated let maximumEntries: Int
    /// The most bytes (by `cost`) the cache holds before it evicts.
    public nonisolated let maximumBytes: Int
    /// The estimated size of a value in bytes.
    public nonisolated let cost: @Sendable (Value) -> Int
    /// The TTLs in force for new entries.
    public private(set) var policy: TTLPolicy
    /// Whether new entries get the market-open TTLs (`true`) or the market-closed ones.
    public private(set) var isMarketOpen: Bool

    @usableFromInline var storage = LRUStorage<Key, Value, C.Instant>()
    /// Counters indexed by `CacheClass.ordinal`.
    @usableFromInline var counters = [CacheStats](repeating: CacheStats(), count: CacheClass.allCases.count)
    /// Fetches running now, by key.
    var inFlight: [Key: InFlightFetch<Value>] = [:]

    /// Creates an empty cache.
    ///
    /// - Parameters:
    ///   - clock: The clock that decides expiry.
    ///   - policy: The TTLs per data class and market state.
    ///   - maximumEntries: The size bound; must be positive.
    ///   - maximumBytes: The bound on the sum of the values' costs (default 64 MiB).
    ///   - cost: A value's estimated size in bytes (default: its inline size).
    ///   - isMarketOpen: The market state until ``setMarketOpen(_:)`` says otherwise.
    public init(
        clock: C, policy: TTLPolicy = .standard, maximumEntries: Int = 10_000, maximumBytes: Int = 64 << 20,
        cost: @escaping @Sendable (Value) -> Int = { _ in MemoryLayout<Value>.stride }, isMarketOpen: Bool = true
    ) {
        precondition(maximumEntries > 0, "a cache must hold at least one entry")
        self.clock = clock
        self.policy = policy
        self.maximumEntries = maximumEntries
        self.maximumBytes = max(1, maximumBytes)
        self.cost = cost
        self.isMarketOpen = isMarketOpen
    }

    /// The number of entries held now (live or not yet swept).
    public var count: Int { storage.count }

    /// The sum of the held values' costs, in bytes.
    public var bytes: Int { storage.totalCost }

    /// The number of upstream fetches running now.
    public var inFlightCount: Int { inFlight.count }

    /// The keys from most to least recently used (O(n); for diagnostics and tests).
    public var keysByRecency: [Key] { storage.keysByRecency }

    /// Tells the cache whether the regular session is open, which selects the TTLs of new entries.
    ///
    /// - Parameter isOpen: `true` while the market is open.
    public func setMarketOpen(_ isOpen: Bool) {
        isMarketOpen = isOpen
    }

    /// Replaces the TTL policy; entries already stored keep their expiry.
    ///
    /// - Parameter policy: The new TTLs.
    public func setPolicy(_ policy: TTLPolicy) {
        self.policy = policy
    }

    /// The TTL new entries of `cacheClass` get now.
    ///
    /// - Parameter cacheClass: The data class.
    /// - Returns: The TTL for the current market state.
    public func ttl(for cacheClass: CacheClass) -> Duration {
        policy.ttl(for: cacheClass, isMarketOpen: isMarketOpen)
    }

    /// Returns the live value for `key`, counting a hit or a miss against `cacheClass`.
    ///
    /// An entry past its TTL is dropped (counted as an expiry of its class) and reported as a miss.
    /// - Parameters:
    ///   - key: The key.
    ///   - cacheClass: The data class the caller asks for; hits and misses are counted against it.
    /// - Returns: The value, or nil when there is no live entry.
    @inlinable
    public func get(_ key: Key, class cacheClass: CacheClass) -> Value? {
        if let value = liveValue(for: key) {
            counters[cacheClass.ordinal].hits += 1
            return value
        }
        counters[cacheClass.ordinal].misses += 1
        return nil
    }

    /// Stores `value` for `key` with the TTL of `cacheClass`, making it the most recently used.
    ///
    /// Evicts the least recently used entry when the cache is full.
    /// - Parameters:
    ///   - key: The key.
    ///   - value: The value.
    ///   - cacheClass: The data class, which selects the TTL and the counters.
    @inlinable
    public func set(_ key: Key, _ value: Value, class cacheClass: CacheClass) {
        Self.store(key, value, class: cacheClass, expiry: clock.now.advanced(by: ttl(for: cacheClass)), in: self)
    }

    /// Stores many values of one class in one actor call (a refreshed watchlist: one hop, not N).
    ///
    /// They share one expiry: the clock is read once for the batch.
    /// - Parameters:
    ///   - entries: Keys and values, stored in order.
    ///   - cacheClass: The data class of every entry.
    public func setMany(_ entries: [(Key, Value)], class cacheClass: CacheClass) {
        Self.setMany(entries, class: cacheClass, in: self)
    }

    /// ``setMany(_:class:)`` as a function of the cache's isolation, so that a caller in another
    /// module runs a copy specialized for its key and value types: an actor's own methods are not
    /// specialized across modules, even inlinable ones, and the generic store cost a stream
    /// message more than all the pipeline's stages.
    /// - Parameters:
    ///   - entries: Keys and values, stored in order.
    ///   - cacheClass: The data class of every entry.
    ///   - cache: The cache.
    @inlinable
    public static func setMany(_ entries: [(Key, Value)], class cacheClass: CacheClass, in cache: isolated TTLCache) {
        let expiry = cache.clock.now.advanced(by: cache.ttl(for: cacheClass))
        for (key, value) in entries { store(key, value, class: cacheClass, expiry: expiry, in: cache) }
    }

    /// Stores one value with a given expiry, evicting the least recently used entry when full.
    ///
    /// A function of the cache's isolation, like ``setMany(_:class:in:)``, so it is specialized
    /// with it.
    @inlinable
    static func store(
        _ key: Key, _ value: Value, class cacheClass: CacheClass, expiry: C.Instant, in cache: isolated TTLCache
    ) {
        let size = max(0, cache.cost(value))
        guard size <= cache.maximumBytes else {
            // Too large to hold at all: drop any older value for the key rather than keep it stale.
            if let slot = cache.storage.slot(of: key) {
                let removed = cache.storage.remove(at: slot)
                cache.counters[removed.cacheClass.ordinal].entries -= 1
            }
            cache.counters[cacheClass.ordinal].evictions += 1
            return
        }
        if let slot = cache.storage.slot(of: key) {
            cache.counters[cache.storage.entries[slot].cacheClass.ordinal].entries -= 1
            cache.storage.update(slot, value: value, cacheClass: cacheClass, expiry: expiry, cost: size)
        } else {
            if cache.storage.count >= cache.maximumEntries { evictLeastRecentlyUsed(in: cache) }
            cache.storage.insert(key, value: value, cacheClass: cacheClass, expiry: expiry, cost: size)
        }
        cache.counters[cacheClass.ordinal].entries += 1
        // The entry just stored is the most recently used, so it is the last to go.
        while cache.storage.totalCost > cache.maximumBytes, cache.storage.count > 1 {
            evictLeastRecentlyUsed(in: cache)
        }
    }

    @inlinable
    static func evictLeastRecentlyUsed(in cache: isolated TTLCache) {
        guard let victim = cache.storage.leastRecentlyUsed else { return }
        let evicted = cache.storage.remove(at: victim)
        cache.counters[evicted.cacheClass.ordinal].entries -= 1
        cache.counters[evicted.cacheClass.ordinal].evictions += 1
    }

    /// Removes the entry for `key`, and detaches any fetch in flight for it so its result is not stored.
    ///
    /// - Parameter key: The key.
    /// - Returns: The value removed, live or not.
    @discardableResult
    public func remove(_ key: Key) -> Value? {
        inFlight.removeValue(forKey: key)
        guard let slot = storage.slot(of: key) else { return nil }
        let node = storage.remove(at: slot)
        counters[node.cacheClass.ordinal].entries -= 1
        return node.value
    }

    /// Removes every entry and detaches every fetch in flight; counters other than `entries` are kept.
    public func removeAll() {
        inFlight.removeAll()
        storage.removeAll()
        for index in counters.indices { counters[index].entries = 0 }
    }

    /// Removes every entry past its TTL, counting each as an expiry of its class.
    ///
    /// O(n) in the number of entries; meant for a periodic service, not the lookup path.
    /// - Returns: The number of entries removed.
    @discardableResult
    public func sweep() -> Int {
        let now = clock.now
        var removed = 0
        var slot = storage.count - 1
        // Walking down keeps unvisited slots stable: removal only moves the last slot into the hole.
        while slot >= 0 {
            if storage.entries[slot].expiry <= now {
                let node = storage.remove(at: slot)
                counters[node.cacheClass.ordinal].entries -= 1
                counters[node.cacheClass.ordinal].expiries += 1
                removed += 1
            }
            slot -= 1
        }
        return removed
    }

    /// Sweeps expired entries every `interval` until the calling task is cancelled.
    ///
    /// - Parameter interval: Time between sweeps, on the cache's clock.
    public func runSweeper(every interval: Duration) async {
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
            sweep()
        }
    }

    /// The counters of one data class.
    ///
    /// - Parameter cacheClass: The data class.
    /// - Returns: Its hits, misses, expiries, evictions, coalesced lookups and current entries.
    public func stats(for cacheClass: CacheClass) -> CacheStats {
        counters[cacheClass.ordinal]
    }

    /// One report per data class, in `CacheClass.allCases` order, with the TTL in force now.
    ///
    /// - Returns: The reports for the cache panel.
    public func stats() -> [CacheClassReport] {
        CacheClass.allCases.map { cacheClass in
            let ttl = ttl(for: cacheClass).components
            return CacheClassReport(
                name: cacheClass.rawValue,
                ttlSeconds: Double(ttl.seconds) + Double(ttl.attoseconds) / 1e18,
                stats: counters[cacheClass.ordinal]
            )
        }
    }

    /// The live value for `key`, made most recently used; drops an expired entry, counting its expiry.
    @inlinable
    func liveValue(for key: Key) -> Value? {
        guard let slot = storage.slot(of: key) else { return nil }
        if clock.now < storage.entries[slot].expiry {
            storage.touch(slot)
            return storage.entries[slot].value
        }
        let node = storage.remove(at: slot)
        counters[node.cacheClass.ordinal].entries -= 1
        counters[node.cacheClass.ordinal].expiries += 1
        return nil
    }
}
