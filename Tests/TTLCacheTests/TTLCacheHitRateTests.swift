import TTLCache
import TUITestSupport
import Testing

struct TTLCacheHitRateTests {
    @Test func hitRateIsNilBeforeTheFirstLookup() async {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock())
        #expect(await cache.stats(for: .realTime).hitRate == nil)
        #expect(await cache.stats().allSatisfy { $0.stats.hitRate == nil })
    }

    @Test func hitRateIsExactlyHitsOverHitsPlusMissesPerClass() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.set("a", 1, class: .realTime)
        for _ in 0..<3 { _ = await cache.get("a", class: .realTime) }
        _ = await cache.get("missing", class: .realTime)
        for _ in 0..<7 { _ = await cache.get("missing", class: .historical) }

        let realTime = await cache.stats(for: .realTime)
        #expect(realTime.hits == 3)
        #expect(realTime.misses == 1)
        #expect(realTime.hitRate == 0.75)
        #expect(await cache.stats(for: .historical).hitRate == 0)
        #expect(await cache.stats(for: .reference).hitRate == nil)

        let reports = await cache.stats()
        #expect(reports[0].stats == realTime)
        for report in reports {
            let stats = report.stats
            if stats.hits + stats.misses > 0 {
                #expect(stats.hitRate == Double(stats.hits) / Double(stats.hits + stats.misses))
            }
        }
    }

    @Test func joinersAreNeitherHitsNorMisses() async throws {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock())
        let probe = FetchProbe()
        let callers = (0..<3).map { _ in
            Task { try await cache.value(for: "a", class: .realTime) { try await probe.fetch(1) } }
        }
        #expect(
            await eventually {
                let stats = await cache.stats(for: .realTime)
                return stats.misses + stats.coalesced == 3
            })
        probe.open()
        for caller in callers { _ = try await caller.value }
        _ = try await cache.value(for: "a", class: .realTime) { try await probe.fetch(2) }
        let stats = await cache.stats(for: .realTime)
        #expect(stats.misses == 1)
        #expect(stats.coalesced == 2)
        #expect(stats.hits == 1)
        #expect(stats.hitRate == 0.5)
    }
}
