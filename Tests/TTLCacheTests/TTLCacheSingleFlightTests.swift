import TTLCache
import TUITestSupport
import Testing

struct TTLCacheSingleFlightTests {
    private typealias Cache = TTLCache<String, Int, ManualClock>

    /// Starts `count` callers of `value(for:)` on one key and waits until all of them have arrived.
    private static func startCallers(
        _ count: Int, cache: Cache, probe: FetchProbe, bypass: Bool = false, error: (any Error)? = nil
    ) async -> [Task<(value: Int, fromCache: Bool), any Error>] {
        let tasks = (0..<count).map { _ in
            Task {
                try await cache.value(for: "AAPL", class: .realTime, bypass: bypass) {
                    try await probe.fetch(42, error: error)
                }
            }
        }
        let arrived = await eventually {
            let stats = await cache.stats(for: .realTime)
            return stats.misses + stats.coalesced == count
        }
        #expect(arrived)
        return tasks
    }

    @Test func fiftyConcurrentMissesMakeOneFetch() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let callers = await Self.startCallers(50, cache: cache, probe: probe)
        probe.open()
        for caller in callers {
            let result = try await caller.value
            #expect(result == (42, false))
        }
        #expect(probe.callCount == 1)
        #expect(
            await cache.stats(for: .realTime)
                == CacheStats(hits: 0, misses: 1, expiries: 0, evictions: 0, entries: 1, coalesced: 49))
        #expect(await cache.inFlightCount == 0)

        let after = try await cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(0) }
        #expect(after == (42, true))
        #expect(probe.callCount == 1)
    }

    @Test func errorIsSharedByAllWaitersAndNotCached() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let callers = await Self.startCallers(10, cache: cache, probe: probe, error: TestError(code: 503))
        probe.open()
        for caller in callers {
            await #expect(throws: TestError(code: 503)) { try await caller.value }
        }
        #expect(probe.callCount == 1)
        #expect(await cache.count == 0)
        #expect(await cache.inFlightCount == 0)

        let retry = try await cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(7) }
        #expect(retry == (7, false))
        #expect(probe.callCount == 2, "a failed fetch is not remembered")
        #expect(await cache.stats(for: .realTime).misses == 2)
    }

    @Test func failedFetchKeepsThePreviousEntry() async throws {
        let cache = Cache(clock: ManualClock())
        await cache.set("AAPL", 1, class: .realTime)
        await #expect(throws: TestError(code: 500)) {
            try await cache.value(for: "AAPL", class: .realTime, bypass: true) { throw TestError(code: 500) }
        }
        #expect(await cache.get("AAPL", class: .realTime) == 1)
    }

    @Test func bypassFetchesDespiteALiveEntryAndStoresTheResult() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        probe.open()
        await cache.set("AAPL", 1, class: .realTime)
        let refreshed = try await cache.value(for: "AAPL", class: .realTime, bypass: true) {
            try await probe.fetch(2)
        }
        #expect(refreshed == (2, false))
        #expect(probe.callCount == 1)
        #expect(await cache.get("AAPL", class: .realTime) == 2)
        #expect(await cache.stats(for: .realTime).hits == 1, "only the get hit; the bypass did not")
    }

    @Test func concurrentBypassesStillSingleFlight() async throws {
        let cache = Cache(clock: ManualClock())
        await cache.set("AAPL", 1, class: .realTime)
        let probe = FetchProbe()
        let callers = await Self.startCallers(5, cache: cache, probe: probe, bypass: true)
        probe.open()
        for caller in callers {
            #expect(try await caller.value == (42, false))
        }
        #expect(probe.callCount == 1)
        #expect(await cache.get("AAPL", class: .realTime) == 42)
    }

    @Test func cancellingTheCallerThatStartedTheFetchLeavesItRunningForTheOthers() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let leader = Task {
            try await cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(42) }
        }
        #expect(await eventually { await cache.stats(for: .realTime).misses == 1 })
        let follower = Task {
            try await cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(-1) }
        }
        #expect(await eventually { await cache.stats(for: .realTime).coalesced == 1 })

        leader.cancel()
        // The leader leaves at once, while the fetch is still held at the gate.
        await #expect(throws: CancellationError.self) { try await leader.value }
        #expect(await cache.inFlightCount == 1)

        probe.open()
        #expect(try await follower.value == (42, false))
        #expect(probe.callCount == 1)
        #expect(probe.cancelledCount == 0, "the shared fetch was not cancelled")
        #expect(await cache.get("AAPL", class: .realTime) == 42)
        #expect(await cache.inFlightCount == 0)
    }

    @Test func fetchCompletesAndIsStoredEvenWhenEveryCallerIsCancelled() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let callers = await Self.startCallers(3, cache: cache, probe: probe)
        for caller in callers { caller.cancel() }
        for caller in callers {
            await #expect(throws: CancellationError.self) { try await caller.value }
        }
        probe.open()
        #expect(await eventually { await cache.inFlightCount == 0 })
        #expect(await cache.get("AAPL", class: .realTime) == 42)
        #expect(probe.callCount == 1)
        #expect(probe.cancelledCount == 0)
    }

    @Test func alreadyCancelledCallerThrowsWithoutFetchingTwice() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let caller = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(42) }
        }
        await #expect(throws: CancellationError.self) { try await caller.value }
        probe.open()
        #expect(await eventually { await cache.inFlightCount == 0 })
        #expect(probe.callCount == 1)
        #expect(await cache.get("AAPL", class: .realTime) == 42)
    }

    @Test func removeDetachesARunningFetch() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        let callers = await Self.startCallers(2, cache: cache, probe: probe)
        await cache.remove("AAPL")
        #expect(await cache.inFlightCount == 0)
        probe.open()
        for caller in callers {
            #expect(try await caller.value == (42, false), "waiters still get the result")
        }
        #expect(await cache.count == 0, "but a detached fetch is not stored")
    }

    @Test func differentKeysFetchIndependently() async throws {
        let cache = Cache(clock: ManualClock())
        let probe = FetchProbe()
        probe.open()
        async let first = cache.value(for: "AAPL", class: .realTime) { try await probe.fetch(1) }
        async let second = cache.value(for: "MSFT", class: .realTime) { try await probe.fetch(2) }
        let results = try await (first, second)
        #expect(results.0 == (1, false))
        #expect(results.1 == (2, false))
        #expect(probe.callCount == 2)
    }

    @Test func manyKeysUnderManyTasksCountExactly() async throws {
        let cache = TTLCache<Int, Int, ManualClock>(clock: ManualClock())
        let probe = FetchProbe()
        probe.open()
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<2_000 {
                group.addTask {
                    let key = index % 20
                    let result = try await cache.value(for: key, class: .historical) { try await probe.fetch(key) }
                    return result.value == key
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(!results.contains(false))
        let stats = await cache.stats(for: .historical)
        #expect(stats.hits + stats.misses + stats.coalesced == 2_000)
        #expect(stats.misses == probe.callCount, "misses equal upstream fetches")
        #expect(stats.misses == 20, "no TTL passes on a manual clock, so each key is fetched once")
    }
}
