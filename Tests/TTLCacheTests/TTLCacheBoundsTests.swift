import TTLCache
import TUITestSupport
import Testing

/// The byte bound and the scheduled sweep (issue 8: bounded in bytes as well as entries).
struct TTLCacheBoundsTests {
    @Test func theByteBoundEvictsLeastRecentlyUsedAndRefusesAnOversizedValue() async {
        let clock = ManualClock()
        let cache = TTLCache<String, [UInt8], ManualClock>(
            clock: clock, maximumEntries: 100, maximumBytes: 1_000, cost: { $0.count })
        await cache.set("a", [UInt8](repeating: 0, count: 400), class: .realTime)
        await cache.set("b", [UInt8](repeating: 0, count: 400), class: .realTime)
        #expect(await cache.get("a", class: .realTime) != nil)  // a is now the most recently used
        await cache.set("c", [UInt8](repeating: 0, count: 400), class: .realTime)
        #expect(await cache.bytes <= 1_000)
        #expect(await cache.keysByRecency == ["c", "a"], "b, the least recently used, went")
        #expect(await cache.stats(for: .realTime).evictions == 1)
        // A value larger than the whole bound is not stored, and takes an older value for its key with it.
        await cache.set("a", [UInt8](repeating: 0, count: 1_001), class: .realTime)
        #expect(await cache.get("a", class: .realTime) == nil)
        #expect(await cache.keysByRecency == ["c"])
        #expect(await cache.bytes == 400)
        // Replacing a value re-counts its bytes.
        await cache.set("c", [1], class: .realTime)
        #expect(await cache.bytes == 1)
        await cache.removeAll()
        #expect(await cache.bytes == 0)
    }

    @Test func theSweeperDropsExpiredEntriesOnItsSchedule() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.set("gone", 1, class: .realTime)
        await cache.set("kept", 2, class: .reference)
        let sweeper = Task { await cache.runSweeper(every: .seconds(60)) }
        #expect(await eventually { clock.sleeperCount == 1 })
        #expect(await cache.count == 2)
        clock.advance(by: .seconds(60))  // the real-time entry (30 s TTL) is past its TTL
        #expect(await eventually { await cache.count == 1 })
        #expect(await cache.stats(for: .realTime).expiries == 1)
        #expect(await cache.get("kept", class: .reference) == 2)
        sweeper.cancel()
        await sweeper.value
    }
}
