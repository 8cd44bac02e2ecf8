/// Entries in recency order: a dictionary into a doubly-linked list kept in one array.
///
/// Every operation is O(1) (amortised by the dictionary): lookups hash the key once, recency moves
/// relink two neighbours, and removal moves the last array slot into the hole so the array stays
/// dense (no free list, no optionals, no per-entry allocation).
struct LRUStorage<Key: Hashable, Value, Instant: Comparable> {
    /// One entry and its links; `previous` points towards the most recently used end.
    struct Node {
        var key: Key
        var value: Value
        var cacheClass: CacheClass
        var expiry: Instant
        var previous: Int
        var next: Int
    }

    private static var none: Int { -1 }

    /// The nodes; a slot number stays valid until the next removal.
    private(set) var nodes: [Node] = []
    private var slots: [Key: Int] = [:]
    /// The most recently used slot.
    private var head = LRUStorage.none
    /// The least recently used slot.
    private var tail = LRUStorage.none

    /// The number of entries.
    var count: Int { nodes.count }

    /// The slot of the least recently used entry, if any.
    var leastRecentlyUsed: Int? { tail == Self.none ? nil : tail }

    /// The slot holding `key`, if any.
    func slot(of key: Key) -> Int? { slots[key] }

    /// Marks the entry at `slot` as the most recently used.
    mutating func touch(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    /// Replaces the entry at `slot` and marks it most recently used.
    mutating func update(_ slot: Int, value: Value, cacheClass: CacheClass, expiry: Instant) {
        nodes[slot].value = value
        nodes[slot].cacheClass = cacheClass
        nodes[slot].expiry = expiry
        touch(slot)
    }

    /// Adds an entry for a key not present, as the most recently used.
    mutating func insert(_ key: Key, value: Value, cacheClass: CacheClass, expiry: Instant) {
        let slot = nodes.count
        nodes.append(
            Node(key: key, value: value, cacheClass: cacheClass, expiry: expiry, previous: Self.none, next: Self.none))
        slots[key] = slot
        linkAtHead(slot)
    }

    /// Removes the entry at `slot` and returns it; the last slot moves into its place.
    @discardableResult
    mutating func remove(at slot: Int) -> Node {
        unlink(slot)
        let last = nodes.count - 1
        if slot != last {
            nodes.swapAt(slot, last)
            let moved = nodes[slot]
            if moved.previous == Self.none { head = slot } else { nodes[moved.previous].next = slot }
            if moved.next == Self.none { tail = slot } else { nodes[moved.next].previous = slot }
            slots[moved.key] = slot
        }
        let removed = nodes.removeLast()
        slots.removeValue(forKey: removed.key)
        return removed
    }

    /// Removes every entry, keeping the capacity.
    mutating func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        head = Self.none
        tail = Self.none
    }

    /// The keys from most to least recently used (for tests and diagnostics; O(n)).
    var keysByRecency: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(nodes.count)
        var slot = head
        while slot != Self.none {
            keys.append(nodes[slot].key)
            slot = nodes[slot].next
        }
        return keys
    }

    private mutating func unlink(_ slot: Int) {
        let previous = nodes[slot].previous
        let next = nodes[slot].next
        if previous == Self.none { head = next } else { nodes[previous].next = next }
        if next == Self.none { tail = previous } else { nodes[next].previous = previous }
        nodes[slot].previous = Self.none
        nodes[slot].next = Self.none
    }

    private mutating func linkAtHead(_ slot: Int) {
        nodes[slot].previous = Self.none
        nodes[slot].next = head
        if head != Self.none { nodes[head].previous = slot }
        head = slot
        if tail == Self.none { tail = slot }
    }
}
