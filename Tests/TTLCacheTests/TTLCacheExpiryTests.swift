import TTLCache
import TUITestSupport
import Testing

struct TTLCacheExpiryTests {
    private static let epsilon = Duration.nanoseconds(1)

    @Test func servesAtTTLMinusEpsilonButNotAtTTL() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.set("AAPL", 1, class: .realTime)

        clock.advance(by: .seconds(30) - Self.epsilon)
        #expect(await cache.get("AAPL", class: .realTime) == 1)

        clock.advance(by: Self.epsilon)
        #expect(await cache.get("AAPL", class: .realTime) == nil)
        #expect(
            await cache.stats(for: .realTime)
                == CacheStats(hits: 1, misses: 1, expiries: 1, evictions: 0, entries: 0, coalesced: 0))
        #expect(await cache.count == 0, "the expired entry is dropped")
    }

    @Test(arguments: [
        (CacheClass.realTime, true, Duration.seconds(30)),
        (CacheClass.historical, true, Duration.seconds(3_600)),
        (CacheClass.reference, true, Duration.seconds(86_400)),
        (CacheClass.realTime, false, Duration.seconds(300)),
        (CacheClass.historical, false, Duration.seconds(21_600)),
        (CacheClass.reference, false, Duration.seconds(86_400)),
    ])
    func defaultTTLBoundaryPerClassAndMarketState(cacheClass: CacheClass, isOpen: Bool, ttl: Duration) async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.setMarketOpen(isOpen)
        #expect(await cache.ttl(for: cacheClass) == ttl)
        await cache.set("k", 7, class: cacheClass)
        clock.advance(by: ttl - Self.epsilon)
        #expect(await cache.get("k", class: cacheClass) == 7)
        clock.advance(by: Self.epsilon)
        #expect(await cache.get("k", class: cacheClass) == nil)
        #expect(await cache.stats(for: cacheClass).expiries == 1)
    }

    @Test func closingTheMarketLengthensNewEntriesOnly() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.set("open", 1, class: .realTime)
        await cache.setMarketOpen(false)
        await cache.set("closed", 2, class: .realTime)

        clock.advance(by: .seconds(30))
        #expect(await cache.get("open", class: .realTime) == nil, "an entry keeps the TTL it was stored with")
        #expect(await cache.get("closed", class: .realTime) == 2)
        clock.advance(by: .seconds(270))
        #expect(await cache.get("closed", class: .realTime) == nil)
    }

    @Test func reportsCurrentTTLsAndClassNames() async {
        let cache = TTLCache<String, Int, ManualClock>(clock: ManualClock())
        let open = await cache.stats()
        #expect(open.map(\.name) == ["real-time", "historical", "reference"])
        #expect(open.map(\.ttlSeconds) == [30, 3_600, 86_400])
        await cache.setMarketOpen(false)
        #expect(await cache.stats().map(\.ttlSeconds) == [300, 21_600, 86_400])
    }

    @Test func customPolicyIsHonoured() async {
        let clock = ManualClock()
        let policy = TTLPolicy(
            marketOpen: .init(realTime: .milliseconds(1_500), historical: .seconds(2), reference: .seconds(3)),
            marketClosed: .init(realTime: .seconds(10), historical: .seconds(20), reference: .seconds(30)))
        let cache = TTLCache<String, Int, ManualClock>(clock: clock, policy: policy)
        await cache.set("q", 1, class: .realTime)
        clock.advance(by: .milliseconds(1_499))
        #expect(await cache.get("q", class: .realTime) == 1)
        clock.advance(by: .milliseconds(1))
        #expect(await cache.get("q", class: .realTime) == nil)
        #expect(await cache.stats().first?.ttlSeconds == 1.5)

        await cache.setPolicy(.standard)
        #expect(await cache.ttl(for: .realTime) == .seconds(30))
    }

    @Test func neverServesAnExpiredEntryUnderRandomTimelines() async {
        var random = SeededGenerator(seed: 0xCAFE)
        let clock = ManualClock()
        let cache = TTLCache<Int, Int, ManualClock>(clock: clock, maximumEntries: 1_000)
        var storedAt: [Int: (instant: ManualClock.Instant, value: Int, ttl: Duration)] = [:]
        for step in 0..<5_000 {
            let key = Int.random(in: 0..<50, using: &random)
            let cacheClass = CacheClass.allCases.randomElement(using: &random)!
            if Bool.random(using: &random) {
                await cache.set(key, step, class: cacheClass)
                storedAt[key] = (clock.now, step, await cache.ttl(for: cacheClass))
            } else {
                let got = await cache.get(key, class: cacheClass)
                if let stored = storedAt[key], stored.instant.duration(to: clock.now) < stored.ttl {
                    #expect(got == stored.value)
                } else {
                    #expect(got == nil)
                    storedAt[key] = nil
                }
            }
            clock.advance(by: .milliseconds(Int64.random(in: 0...20_000, using: &random)))
            if Int.random(in: 0..<500, using: &random) == 0 {
                await cache.setMarketOpen(Bool.random(using: &random))
            }
        }
    }

    @Test func expiredEntryIsRefetchedThroughValueFor() async throws {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        let first = try await cache.value(for: "AAPL", class: .realTime) { 1 }
        #expect(first == (1, false))
        clock.advance(by: .seconds(29))
        #expect(try await cache.value(for: "AAPL", class: .realTime) { 2 } == (1, true))
        clock.advance(by: .seconds(1))
        #expect(try await cache.value(for: "AAPL", class: .realTime) { 3 } == (3, false))
        #expect(
            await cache.stats(for: .realTime)
                == CacheStats(hits: 1, misses: 2, expiries: 1, evictions: 0, entries: 1, coalesced: 0))
    }

    @Test func sweepRemovesExactlyTheExpiredEntries() async {
        let clock = ManualClock()
        let cache = TTLCache<String, Int, ManualClock>(clock: clock)
        await cache.set("rt1", 1, class: .realTime)
        await cache.set("hist", 2, class: .historical)
        clock.advance(by: .seconds(10))
        await cache.set("rt2", 3, class: .realTime)
        clock.advance(by: .seconds(20))  // rt1 is at its TTL now; rt2 has 10 s left

        #expect(await cache.sweep() == 1)
        #expect(await cache.count == 2)
        #expect(await cache.stats(for: .realTime).expiries == 1)
        #expect(await cache.stats(for: .realTime).entries == 1)
        #expect(await cache.stats(for: .historical).entries == 1)
        #expect(await cache.get("rt2", class: .realTime) == 3)
        #expect(await cache.get("hist", class: .historical) == 2)

        clock.advance(by: .seconds(3_600))
        #expect(await cache.sweep() == 2)
        #expect(await cache.count == 0)
        #expect(await cache.sweep() == 0)
    }
}
