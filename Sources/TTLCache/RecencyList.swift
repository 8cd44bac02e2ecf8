/// The recency order of a cache's slots: a doubly-linked list kept in one array of index pairs.
///
/// Not generic on purpose: the cache is generic over its key and value, and code generic across
/// a module boundary runs unspecialised, through value witnesses. Keeping the links in their own
/// concrete type makes every recency move two or three plain integer stores whatever the cache
/// holds.
@usableFromInline
struct RecencyList {
    /// One slot's neighbours; `previous` points towards the most recently used end.
    @usableFromInline
    struct Link {
        @usableFromInline var previous: Int
        @usableFromInline var next: Int

        @inlinable
        init(previous: Int, next: Int) {
            self.previous = previous
            self.next = next
        }
    }

    @inlinable static var none: Int { -1 }

    @usableFromInline var links: [Link] = []
    /// The most recently used slot.
    @usableFromInline var head = RecencyList.none
    /// The least recently used slot.
    @usableFromInline var tail = RecencyList.none

    /// The slot of the least recently used entry, if any.
    @inlinable var leastRecentlyUsed: Int? { tail == Self.none ? nil : tail }

    /// The slots from most to least recently used (O(n)).
    @inlinable var slotsByRecency: [Int] {
        var slots: [Int] = []
        slots.reserveCapacity(links.count)
        var slot = head
        while slot != Self.none {
            slots.append(slot)
            slot = links[slot].next
        }
        return slots
    }

    /// Adds a new last slot as the most recently used.
    @inlinable mutating func append() {
        links.append(Link(previous: Self.none, next: Self.none))
        linkAtHead(links.count - 1)
    }

    /// Marks `slot` as the most recently used.
    @inlinable mutating func touch(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    /// Removes `slot`, moving the last slot into its place (as the storage does with its entries).
    @inlinable mutating func remove(_ slot: Int) {
        unlink(slot)
        let last = links.count - 1
        if slot != last {
            let moved = links[last]
            links[slot] = moved
            if moved.previous == Self.none { head = slot } else { links[moved.previous].next = slot }
            if moved.next == Self.none { tail = slot } else { links[moved.next].previous = slot }
        }
        links.removeLast()
    }

    /// Removes every slot, keeping the capacity.
    @inlinable mutating func removeAll() {
        links.removeAll(keepingCapacity: true)
        head = Self.none
        tail = Self.none
    }

    @inlinable mutating func unlink(_ slot: Int) {
        let link = links[slot]
        if link.previous == Self.none { head = link.next } else { links[link.previous].next = link.next }
        if link.next == Self.none { tail = link.previous } else { links[link.next].previous = link.previous }
    }

    @inlinable mutating func linkAtHead(_ slot: Int) {
        links[slot] = Link(previous: Self.none, next: head)
        if head != Self.none { links[head].previous = slot }
        head = slot
        if tail == Self.none { tail = slot }
    }
}
