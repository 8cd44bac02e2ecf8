import TTLCache
import TUITestSupport
import Testing

struct TTLCacheEvictionTests {
    @Test func evictsTheLeastRecentlyUsedEntry() async {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock(), maximumEntries: 3)
        await cache.set("a", 1, class: .realTime)
        await cache.set("b", 2, class: .historical)
        await cache.set("c", 3, class: .realTime)
        #expect(await cache.get("a", class: .realTime) == 1)  // a is now the most recent

        await cache.set("d", 4, class: .reference)
        #expect(await cache.keysByRecency == ["d", "a", "c"])
        #expect(await cache.get("b", class: .historical) == nil)
        #expect(await cache.stats(for: .historical).evictions == 1)
        #expect(await cache.stats(for: .historical).entries == 0)
        #expect(await cache.stats(for: .realTime).evictions == 0)

        await cache.set("c", 33, class: .realTime)  // an update is not an insertion: nothing evicted
        #expect(await cache.keysByRecency == ["c", "d", "a"])
        await cache.set("e", 5, class: .realTime)
        #expect(await cache.keysByRecency == ["e", "c", "d"])
        #expect(await cache.stats(for: .realTime).evictions == 1)
        #expect(await cache.count == 3)
    }

    @Test func theDefaultBoundIsTenThousand() async {
        let cache = TTLCache<Int, Int, ManualClock>(clock: ManualClock())
        #expect(cache.maximumEntries == 10_000)
        for key in 0..<10_050 { await cache.set(key, key, class: .reference) }
        #expect(await cache.count == 10_000)
        #expect(await cache.stats(for: .reference).evictions == 50)
        #expect(await cache.get(49, class: .reference) == nil)
        #expect(await cache.get(50, class: .reference) == 50)
    }

    @Test func changingAnEntrysClassMovesItsEntryCount() async {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock())
        await cache.set("k", 1, class: .realTime)
        await cache.set("k", 2, class: .reference)
        #expect(await cache.stats(for: .realTime).entries == 0)
        #expect(await cache.stats(for: .reference).entries == 1)
        #expect(await cache.remove("k") == 2)
        #expect(await cache.stats(for: .reference).entries == 0)
        #expect(await cache.remove("k") == nil)
    }

    @Test func removeAllEmptiesTheCacheButKeepsCounters() async {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock())
        await cache.set("a", 1, class: .realTime)
        _ = await cache.get("a", class: .realTime)
        await cache.removeAll()
        #expect(await cache.count == 0)
        #expect(
            await cache.stats(for: .realTime)
                == CacheStats(hits: 1, misses: 0, expiries: 0, evictions: 0, entries: 0, coalesced: 0))
    }

    @Test(arguments: [1, 2, 7, 64])
    func matchesAReferenceLRUUnderRandomOperations(capacity: Int) async {
        var random = SeededGenerator(seed: UInt64(capacity))
        let clock = ManualClock()
        let cache = TTLCache<Int, Int, ManualClock>(clock: clock, maximumEntries: capacity)
        var model = ReferenceLRU(capacity: capacity)
        for step in 0..<4_000 {
            let key = Int.random(in: 0..<(capacity * 2 + 1), using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                await cache.set(key, step, class: .reference)
                model.set(key, step)
            case 4..<8:
                #expect(await cache.get(key, class: .reference) == model.get(key))
            case 8:
                #expect(await cache.remove(key) == model.remove(key))
            default:
                #expect(await cache.keysByRecency == model.keys)
            }
        }
        #expect(await cache.keysByRecency == model.keys)
        let stats = await cache.stats(for: .reference)
        #expect(stats.entries == model.keys.count)
        #expect(stats.evictions == model.evictions)
        #expect(stats.hits == model.hits)
        #expect(stats.misses == model.misses)
    }
}
