import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import MarketMetrics
import MarketModel
import SimulatorTestSupport
import TUITestSupport
import Testing

@testable import Pipeline

/// Stream messages through the same stages as REST data, into the one ordered store.
@Suite struct StreamIngestTests {
    static let now = SimulatedUpstream.sessionTime.adding(seconds: 0.5)

    /// A service seeded with AAPL's REST snapshot, and that snapshot's quote.
    static func seeded(_ upstream: SimulatedUpstream) async throws -> (MarketDataService, ProcessedStockQuote) {
        let service = MarketDataService(client: upstream.client(), now: { Self.now })
        let result = try await service.quotes(["AAPL"])[0].result
        return (service, try result.get())
    }

    static func quote(
        _ base: ProcessedStockQuote, bid: Double? = nil, ask: Double? = nil, at time: Timestamp
    )
        -> StreamMessage
    {
        var wire = WireQuote()
        wire.bidPrice = bid ?? base.value.bidPrice
        wire.askPrice = ask ?? base.value.askPrice
        wire.bidSize = 100
        wire.askSize = 200
        wire.time = time
        return .quote(symbol: "AAPL", wire)
    }

    @Test func aNewerQuotePassesEveryStageAndBecomesTheValue() async throws {
        try await SimulatedUpstream.with { upstream in
            let (service, seed) = try await Self.seeded(upstream)
            let time = try #require(seed.value.quoteTime).adding(seconds: 0.2)
            let outcomes = await service.ingest([Self.quote(seed, bid: 170.01, ask: 170.05, at: time)])
            guard case .accepted(let quote)? = outcomes.first else {
                Issue.record("\(outcomes)")
                return
            }
            #expect(quote.delivery == .stream)
            #expect(quote.value.bidPrice == 170.01 && quote.value.askPrice == 170.05 && quote.value.quoteTime == time)
            // Everything the message did not carry is the seed's: the trade, the daily bars.
            #expect(quote.value.lastPrice == seed.value.lastPrice && quote.value.dailyBar == seed.value.dailyBar)
            #expect(quote.enrichment.spread == 0.04)
            // The cache holds the stream's value now.
            let cached = try await service.quotes(["AAPL"])[0].result.get()
            #expect(cached.value.bidPrice == 170.01 && cached.delivery == .cache)
        }
    }

    /// Older (V011), crossed (V003) and unreadable (V010) messages are counted and move nothing.
    ///
    /// A message older than the stream's last is a regression; one older than the REST snapshot
    /// fetched after it (the reseed) is only superseded.
    @Test func olderCrossedAndMalformedMessagesAreCountedAndChangeNothing() async throws {
        try await SimulatedUpstream.with { upstream in
            let (service, rest) = try await Self.seeded(upstream)
            let time = try #require(rest.value.quoteTime)
            let superseded = await service.ingest([Self.quote(rest, at: time.adding(seconds: -1))])
            #expect(superseded == [.superseded(symbol: "AAPL")])
            let first = await service.ingest([Self.quote(rest, at: time.adding(seconds: 0.05))])
            guard case .accepted(let seed)? = first.first else {
                Issue.record("\(first)")
                return
            }
            let outcomes = await service.ingest([
                Self.quote(seed, at: time.adding(seconds: -30)),
                Self.quote(seed, bid: 171, ask: 170, at: time.adding(seconds: 0.1)),
                .malformed(symbol: "AAPL", reason: "a 'q' message: bp: expected a number"),
                .quote(symbol: "not a symbol!", WireQuote()),
            ])
            #expect(outcomes.count == 4)
            guard outcomes.count == 4 else { return }
            guard case .outOfOrder(let old) = outcomes[0], case .rejected(let crossed) = outcomes[1],
                case .rejected(let malformed) = outcomes[2], case .rejected(let bad) = outcomes[3]
            else {
                Issue.record("\(outcomes)")
                return
            }
            #expect(old.rule == Rules.ordering && crossed.rule == Rules.bidNotAboveAsk)
            #expect(malformed.rule == Rules.schema && bad.rule == Rules.symbolFormat)
            let counts = service.journal.counts
            #expect(counts[Rules.ordering] == 1 && counts[Rules.bidNotAboveAsk] == 1 && counts[Rules.schema] == 1)
            let held = try await service.quotes(["AAPL"])[0].result.get()
            #expect(held.value.bidPrice == seed.value.bidPrice && held.value.quoteTime == seed.value.quoteTime)
            #expect(counts[Rules.ordering] == 1, "the superseded message is not a regression")
        }
    }

    /// A message for a symbol with no snapshot yet waits for the reseed, then is applied.
    @Test func aMessageBeforeTheSeedWaitsForIt() async throws {
        try await SimulatedUpstream.with { upstream in
            let service = MarketDataService(client: upstream.client(), now: { Self.now })
            var wire = WireQuote()
            (wire.bidPrice, wire.askPrice, wire.bidSize, wire.askSize) = (401.10, 401.20, 1, 1)
            wire.time = Self.now
            let early = await service.ingest([.quote(symbol: "MSFT", wire)])
            #expect(early == [.awaitingSeed(symbol: "MSFT")])
            _ = try await service.quotes(["MSFT"], bypassCache: true)
            let applied = await service.ingestPending(["MSFT"])
            guard case .accepted(let quote)? = applied.first else {
                Issue.record("\(applied)")
                return
            }
            #expect(quote.value.bidPrice == 401.10)
            #expect(await service.ingestPending(["MSFT"]).isEmpty)
        }
    }

    /// The scheduler: stream messages reach the published row, generations only grow, and a
    /// symbol the stream delivers is left out of the watchlist poll.
    @Test func theSchedulerPublishesStreamedRowsAndStopsPollingThem() async throws {
        var simulator = SimulatedUpstream.configuration(at: .now())
        simulator.clock = .system
        simulator.market = .open
        try await SimulatedUpstream.with(simulator) { upstream in
            let service = MarketDataService(client: upstream.client())
            var intervals = RefreshIntervals()
            intervals.watchlist = 0.3
            // The scheduler's clock runs about ten times faster than real time: a poll every 30 ms
            // or so, and the 20 ms publication spacing in 2.
            let clock = ManualClock()
            let pump = Task {
                while !Task.isCancelled {
                    clock.advance(by: .milliseconds(20))
                    try? await Task.sleep(for: .milliseconds(2))
                }
            }
            defer { pump.cancel() }
            let scheduler = RefreshScheduler(
                service: service, watchlist: ["AAPL", "MSFT"], origin: .simulated, intervals: intervals, clock: clock)
            let updates = scheduler.updates
            let run = Task { try await scheduler.run() }
            defer { run.cancel() }
            let first = await RefreshSchedulerTests.next(updates) { $0.market.watchlist.allSatisfy { $0.quote != nil } }
            let seed = try #require(first?.market.watchlist.first?.quote)
            var streaming = StreamStatus(state: .streaming, url: "ws://test", framing: "json")
            streaming.subscribed = ["AAPL"]
            await scheduler.setStreamStatus(streaming)
            var wire = WireQuote()
            (wire.bidPrice, wire.askPrice, wire.bidSize, wire.askSize) = (1.01, 1.02, 1, 1)
            wire.time = Timestamp.now()
            let arrival = Timestamp.now()
            await scheduler.ingestStream([.quote(symbol: "AAPL", wire)], arrivedAt: arrival)
            let streamed = await RefreshSchedulerTests.next(updates) {
                $0.market.watchlist.first?.quote?.delivery == .stream
            }
            let market = try #require(streamed?.market)
            #expect(market.generation > first!.market.generation)
            #expect(market.stream?.isStreaming == true)
            #expect(market.watchlist.first?.quote?.value.bidPrice == 1.01)
            #expect(market.streamArrival == arrival, "the publication carries when its tick arrived")
            #expect(seed.value.bidPrice != 1.01)
            // Polls from now on ask for MSFT only.
            let since = Double(Timestamp.now().nanoseconds) / 1e9
            let server = upstream.server
            let polls: @Sendable () -> [SimRequestRecord] = {
                server.requests.filter { $0.time > since && $0.path == "/v2/stocks/snapshots" }
            }
            #expect(await RefreshSchedulerTests.until(within: 20) { polls().count >= 3 }, "three polls after it")
            #expect(polls().allSatisfy { !$0.query.contains("AAPL") }, "\(polls().map(\.query))")
        }
    }
}

extension StreamIngestTests {
    /// A halt from the stream marks the row until trading resumes.
    @Test func aHaltMarksTheRowUntilTradingResumes() async throws {
        try await RunningScheduler.with(watchlist: ["AAPL"]) { running in
            let (scheduler, updates) = (running.scheduler, running.updates)
            await scheduler.ingestStream([.status(symbol: "AAPL", StreamTradingStatus(code: "H", message: "Halt"))])
            let halted = await RefreshSchedulerTests.next(updates) { $0.market.watchlist.first?.haltCode == "H" }
            #expect(halted != nil)
            await scheduler.ingestStream([.status(symbol: "AAPL", StreamTradingStatus(code: "T", message: "Trading"))])
            let resumed = await RefreshSchedulerTests.next(updates) {
                $0.market.watchlist.first.map { $0.haltCode == nil } ?? false
            }
            #expect(resumed != nil)
        }
    }
}
