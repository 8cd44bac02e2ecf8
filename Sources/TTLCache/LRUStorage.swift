/// Entries in recency order: a dictionary into a dense array of entries, with the recency links
/// in a `RecencyList` beside it.
///
/// Every operation is O(1) (amortised by the dictionary): lookups hash the key once, recency moves
/// relink two neighbours, and removal moves the last slot into the hole so the arrays stay dense
/// (no free list, no optionals, no per-entry allocation).
@usableFromInline
struct LRUStorage<Key: Hashable, Value, Instant: Comparable> {
    /// One entry.
    @usableFromInline
    struct Entry {
        @usableFromInline var key: Key
        @usableFromInline var value: Value
        @usableFromInline var cacheClass: CacheClass
        @usableFromInline var expiry: Instant
        /// The entry's estimated size in bytes.
        @usableFromInline var cost: Int

        @inlinable
        init(key: Key, value: Value, cacheClass: CacheClass, expiry: Instant, cost: Int) {
            self.key = key
            self.value = value
            self.cacheClass = cacheClass
            self.expiry = expiry
            self.cost = cost
        }
    }

    /// The entries; a slot number stays valid until the next removal.
    @usableFromInline var entries: [Entry] = []
    @usableFromInline var slots: [Key: Int] = [:]
    @usableFromInline var recency = RecencyList()

    /// The number of entries.
    @inlinable var count: Int { entries.count }

    /// The sum of the entries' costs.
    @usableFromInline var totalCost = 0

    /// The slot of the least recently used entry, if any.
    @inlinable var leastRecentlyUsed: Int? { recency.leastRecentlyUsed }

    /// The slot holding `key`, if any.
    @inlinable func slot(of key: Key) -> Int? { slots[key] }

    /// Marks the entry at `slot` as the most recently used.
    @inlinable mutating func touch(_ slot: Int) { recency.touch(slot) }

    /// Replaces the entry at `slot` and marks it most recently used.
    @inlinable mutating func update(_ slot: Int, value: Value, cacheClass: CacheClass, expiry: Instant, cost: Int) {
        totalCost += cost - entries[slot].cost
        entries[slot].cost = cost
        entries[slot].value = value
        entries[slot].cacheClass = cacheClass
        entries[slot].expiry = expiry
        recency.touch(slot)
    }

    /// Adds an entry for a key not present, as the most recently used.
    @inlinable mutating func insert(_ key: Key, value: Value, cacheClass: CacheClass, expiry: Instant, cost: Int) {
        slots[key] = entries.count
        totalCost += cost
        entries.append(Entry(key: key, value: value, cacheClass: cacheClass, expiry: expiry, cost: cost))
        recency.append()
    }

    /// Removes the entry at `slot` and returns it; the last slot moves into its place.
    @discardableResult @inlinable
    mutating func remove(at slot: Int) -> Entry {
        recency.remove(slot)
        let last = entries.count - 1
        if slot != last {
            entries.swapAt(slot, last)
            slots[entries[slot].key] = slot
        }
        let removed = entries.removeLast()
        totalCost -= removed.cost
        slots.removeValue(forKey: removed.key)
        return removed
    }

    /// Removes every entry, keeping the capacity.
    @inlinable mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        totalCost = 0
        recency.removeAll()
    }

    /// The keys from most to least recently used (for tests and diagnostics; O(n)).
    @inlinable var keysByRecency: [Key] { recency.slotsByRecency.map { entries[$0].key } }
}
