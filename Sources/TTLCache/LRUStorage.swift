/// Entries in recency order: a dictionary into a dense array of entries, with the recency links
/// in a `RecencyList` beside it.
///
/// Every operation is O(1) (amortised by the dictionary): lookups hash the key once, recency moves
/// relink two neighbours, and removal moves the last slot into the hole so the arrays stay dense
/// (no free list, no optionals, no per-entry allocation).
struct LRUStorage<Key: Hashable, Value, Instant: Comparable> {
    /// One entry.
    struct Entry {
        var key: Key
        var value: Value
        var cacheClass: CacheClass
        var expiry: Instant
        /// The entry's estimated size in bytes.
        var cost: Int
    }

    /// The entries; a slot number stays valid until the next removal.
    private(set) var entries: [Entry] = []
    private var slots: [Key: Int] = [:]
    private var recency = RecencyList()

    /// The number of entries.
    var count: Int { entries.count }

    /// The sum of the entries' costs.
    private(set) var totalCost = 0

    /// The slot of the least recently used entry, if any.
    var leastRecentlyUsed: Int? { recency.leastRecentlyUsed }

    /// The slot holding `key`, if any.
    func slot(of key: Key) -> Int? { slots[key] }

    /// Marks the entry at `slot` as the most recently used.
    mutating func touch(_ slot: Int) { recency.touch(slot) }

    /// Replaces the entry at `slot` and marks it most recently used.
    mutating func update(_ slot: Int, value: Value, cacheClass: CacheClass, expiry: Instant, cost: Int) {
        totalCost += cost - entries[slot].cost
        entries[slot].cost = cost
        entries[slot].value = value
        entries[slot].cacheClass = cacheClass
        entries[slot].expiry = expiry
        recency.touch(slot)
    }

    /// Adds an entry for a key not present, as the most recently used.
    mutating func insert(_ key: Key, value: Value, cacheClass: CacheClass, expiry: Instant, cost: Int) {
        slots[key] = entries.count
        totalCost += cost
        entries.append(Entry(key: key, value: value, cacheClass: cacheClass, expiry: expiry, cost: cost))
        recency.append()
    }

    /// Removes the entry at `slot` and returns it; the last slot moves into its place.
    @discardableResult
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
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        totalCost = 0
        recency.removeAll()
    }

    /// The keys from most to least recently used (for tests and diagnostics; O(n)).
    var keysByRecency: [Key] { recency.slotsByRecency.map { entries[$0].key } }
}
