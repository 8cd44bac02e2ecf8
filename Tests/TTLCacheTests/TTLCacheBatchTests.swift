import TTLCache
import TUITestSupport
import Testing

struct TTLCacheBatchTests {
    @Test func setManyStoresEveryEntryWithItsClassTTL() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock, maximumEntries: 3)
        await cache.setMany([("a", 1), ("b", 2), ("c", 3), ("d", 4)], class: .realTime)
        #expect(await cache.get("a", class: .realTime) == nil, "the bound evicts the least recently used")
        #expect(await cache.get("d", class: .realTime) == 4)
        let stats = await cache.stats(for: .realTime)
        #expect(stats.entries == 3)
        #expect(stats.evictions == 1)
        clock.advance(by: .seconds(30))
        #expect(await cache.get("d", class: .realTime) == nil, "expires at the real-time TTL")
    }
}
