import AlpacaSimulator
import MarketMetrics
import MarketModel
import SimulatorTestSupport
import Synchronization
import TUITestSupport
import Testing

@testable import Pipeline

/// The scheduler driving the real pipeline against the simulator.
@Suite(.timeLimit(.minutes(1)))
struct RefreshSchedulerTests {
    /// The first update satisfying `condition`, within `seconds`.
    static func next(
        _ updates: AsyncStream<DashboardUpdate>, within seconds: Double = 10,
        _ condition: @escaping @Sendable (DashboardUpdate) -> Bool
    ) async -> DashboardUpdate? {
        await withTaskGroup(of: DashboardUpdate?.self) { group in
            group.addTask {
                for await update in updates where condition(update) { return update }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func publishesTheWatchlistThenFollowsCommands() async throws {
        var simulator = SimulatedUpstream.configuration(at: .now())
        simulator.clock = .system
        try await SimulatedUpstream.with(simulator) { upstream in
            let service = MarketDataService(client: upstream.client())
            var intervals = RefreshIntervals()
            intervals.watchlist = 0.5
            let clock = ManualClock()
            let scheduler = RefreshScheduler(
                service: service, watchlist: ["AAPL", "MSFT"], origin: .simulated, intervals: intervals, clock: clock)
            let updates = scheduler.updates
            let run = Task { try await scheduler.run() }
            defer { run.cancel() }

            let first = await Self.next(updates) { $0.market.watchlist.allSatisfy { $0.quote != nil } }
            let market = try #require(first?.market)
            #expect(market.origin == .simulated)
            #expect(market.watchlist.map(\.symbol) == ["AAPL", "MSFT"])
            #expect(market.clock != nil)
            #expect(market.lastSuccessfulRefresh != nil)

            scheduler.send(.openChain(underlying: "AAPL", expiration: nil))
            let chained = await Self.next(updates) { ($0.market.chain?.rows.count ?? 0) > 0 }
            #expect(chained?.market.chain?.underlying == "AAPL")

            scheduler.send(.addSymbol("NVDA"))
            let added = await Self.next(updates) {
                $0.market.watchlist.contains { $0.symbol == "NVDA" && $0.quote != nil }
            }
            #expect(added != nil)

            scheduler.send(.setPaused(true))
            let paused = await Self.next(updates) { $0.market.paused }
            #expect(paused != nil)
            let server = upstream.server
            let snapshots: @Sendable () -> Int = { server.stats.requests(to: "/v2/stocks/snapshots") }
            let parked: @Sendable () -> Bool = { clock.sleeperCount == 6 }
            #expect(await Self.until(within: 20, parked))
            let requests = snapshots()
            for _ in 0..<4 {
                clock.advance(by: .seconds(1))
                #expect(await Self.until(within: 20, parked))
            }
            #expect(snapshots() == requests, "paused: four intervals pass without a refresh")

            scheduler.send(.refreshNow)
            #expect(await Self.until(within: 20) { snapshots() > requests }, "r refreshes even when paused")
        }
    }

    @Test func anAlpacaWatchlistIsListedAndOpenedAsTheWatchlistWithoutWritingToAlpaca() async throws {
        var simulator = SimulatedUpstream.configuration(at: .now())
        simulator.clock = .system
        try await SimulatedUpstream.with(simulator) { upstream in
            let saved = SavedLists()
            let scheduler = RefreshScheduler(
                service: MarketDataService(client: upstream.client()), watchlist: ["AAPL", "GME"], origin: .simulated,
                onWatchlistChange: { saved.append($0) })
            let updates = scheduler.updates
            let run = Task { try await scheduler.run() }
            defer { run.cancel() }

            scheduler.send(.listAlpacaWatchlists)
            let listed = await Self.next(updates) { $0.market.alpacaWatchlists != nil }
            let lists = try #require(listed?.market.alpacaWatchlists)
            #expect(lists.map(\.name) == ["Primary Watchlist"])

            scheduler.send(.openAlpacaWatchlist(id: lists[0].id))
            let opened = await Self.next(updates) { $0.market.watchlist.count == 8 }
            let expected = ["AAPL", "MSFT", "NVDA", "TSLA", "SPY", "QQQ", "AMZN", "META"]
            #expect(opened?.market.watchlist.map(\.symbol) == expected)
            #expect(saved.lists.last == expected)

            scheduler.send(.openAlpacaWatchlist(id: "no-such-list"))
            let failed = await Self.next(updates) { $0.market.alpacaWatchlistFailure != nil }
            #expect(failed?.market.alpacaWatchlistFailure?.httpStatus == 404)
            #expect(failed?.market.watchlist.map(\.symbol) == expected, "a failed open keeps the watchlist")
            // Read-only toward Alpaca: only GETs reached the trading API.
            #expect(upstream.server.requests.allSatisfy { $0.method == "GET" })
        }
    }

    /// With every interval at 60 s on a manual clock, loops sleep without waking (no polling)
    /// until the clock reaches their interval or a command arrives, and a command is acted on
    /// without the clock moving at all.
    @Test func idleLoopsSleepUntilTheirIntervalOrACommandWakesThem() async throws {
        var simulator = SimulatedUpstream.configuration(at: .now())
        simulator.clock = .system
        try await SimulatedUpstream.with(simulator) { upstream in
            let service = MarketDataService(client: upstream.client())
            var intervals = RefreshIntervals()
            intervals.watchlist = 60
            intervals.clock = 60
            intervals.chain = 60
            intervals.bars = 60
            intervals.portfolio = 60
            let clock = ManualClock()
            let scheduler = RefreshScheduler(
                service: service, watchlist: ["AAPL"], origin: .simulated, intervals: intervals, clock: clock)
            let updates = scheduler.updates
            let run = Task { try await scheduler.run() }
            defer { run.cancel() }
            let server = upstream.server
            let snapshots: @Sendable () -> Int = { server.stats.requests(to: "/v2/stocks/snapshots") }
            // All six loops (watchlist, clock, chain, bars, chart, portfolio) parked on the clock.
            let parked: @Sendable () -> Bool = { clock.sleeperCount == 6 }

            // Every loop's first refresh done (the portfolio's reads its positions' quotes too).
            let first = await Self.next(updates) {
                $0.market.watchlist.allSatisfy { $0.quote != nil } && $0.market.portfolio != nil
            }
            #expect(first != nil)
            #expect(await Self.until(within: 20, parked), "sleepers: \(clock.sleeperCount)")
            let requests = snapshots()
            #expect(requests >= 1)
            clock.advance(by: .seconds(59))
            #expect(await Self.until(within: 20, parked))
            #expect(await scheduler.waitsEnded == 0, "no loop woke before its interval")
            #expect(snapshots() == requests)

            clock.advance(by: .seconds(1))
            #expect(await Self.until(within: 20) { snapshots() > requests }, "the 60 s interval refreshes")
            #expect(await Self.until(within: 20, parked))
            let afterInterval = snapshots()

            scheduler.send(.refreshNow)
            #expect(
                await Self.until(within: 20) { snapshots() > afterInterval }, "r acted on with the clock standing still"
            )
            #expect(await Self.until(within: 20, parked))
            let afterCommand = snapshots()

            scheduler.send(.setRefreshInterval(0.5))
            #expect(await Self.until(within: 20, parked))
            #expect(snapshots() == afterCommand, "a new interval does not itself refresh")
            for step in 1...3 {
                clock.advance(by: .milliseconds(500))
                #expect(
                    await Self.until(within: 20) { snapshots() >= afterCommand + step },
                    "the 0.5 s interval, step \(step)")
                #expect(await Self.until(within: 20, parked))
            }
        }
    }

    /// Whether `condition` holds within `seconds`, checked every 50 ms.
    static func until(within seconds: Double, _ condition: @Sendable () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}

/// The watchlists a scheduler asked to save.
final class SavedLists: Sendable {
    private let storage = Mutex<[[String]]>([])
    func append(_ list: [String]) { storage.withLock { $0.append(list) } }
    var lists: [[String]] { storage.withLock { $0 } }
}
