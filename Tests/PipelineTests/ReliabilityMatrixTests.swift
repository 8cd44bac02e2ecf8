import AlpacaAPI
import AlpacaSimulator
import CurlTransport
import FaultInjection
import Foundation
import HTTPCore
import MarketModel
import Pipeline
import SimulatorTestSupport
import TTLCache
import Testing

/// The rows of reliability.md §6 that the real libcurl transport, client and pipeline prove
/// against `sim --faults`, each asserting the row's pass criterion (outcome, count, timing).
/// The terminal rows (P1–P6, D10, T1's banner) run on the real binary in `scripts/e2e.sh`.
// Serialized: each case starts a simulator; see FaultLayerTests.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReliabilityMatrixTests {
    /// A client for `server` with the product's policies (not the fast test retries), on `time`
    /// when given.
    static func client(
        _ baseURL: String, time: VirtualTime? = nil, observer: (any RequestObserver)? = nil,
        credentials: Credentials? = nil, retry: RetryPolicy = RetryPolicy()
    ) -> AlpacaClient {
        var configuration = AlpacaClient.Configuration(
            hosts: AlpacaHosts(trading: baseURL, data: baseURL), credentials: credentials)
        configuration.retry = retry
        let timing = time?.timing ?? .system
        return AlpacaClient(
            configuration: configuration, transport: CurlTransport(), limiter: RateLimiter(timing: timing),
            observer: observer, timing: timing)
    }

    static func simulator(
        faults: String?, _ edit: (inout SimulatorConfiguration) -> Void = { _ in }
    ) throws
        -> SimulatorConfiguration
    {
        var configuration = SimulatedUpstream.configuration()
        configuration.faults = try faults.map { try FaultSpec.parse($0) }
        edit(&configuration)
        return configuration
    }

    @Test func t1ARefusedHostOpensTheBreakerAndIsProbedOncePerOpenInterval() async throws {
        // A loopback port nothing listens on: a simulator's, after it stopped.
        let closed = try await SimulatorServer.start(SimulatedUpstream.configuration())
        let url = closed.baseURL
        await closed.stop()
        let time = VirtualTime()
        let log = AttemptLog { time.now }
        let client = Self.client(url, time: time, observer: log)
        var refused = 0
        for _ in 0..<300 {  // ten minutes of a 2 s refresh
            do {
                _ = try await client.clock()
            } catch let error as AlpacaError {
                if error.kind == .circuitOpen { refused += 1 }
            }
            time.advance(by: 2)
        }
        let times = log.attempts.map(\.time)
        #expect(log.attempts.allSatisfy { $0.event.status == nil }, "connection refused, no response")
        // Five failures in a row open it; after that every attempt is a probe, one per interval,
        // which doubles from 15 s to 120 s (the breaker has no jitter: spacing ≥ the interval).
        try #require(times.count > 5)
        var interval = 15.0
        for (previous, probe) in zip(times[4...], times[5...]) {
            #expect(probe - previous >= interval, "probe at +\(probe - previous) s, interval \(interval) s")
            interval = min(interval * 2, 120)
        }
        #expect(times.count - 5 <= 7, "15+30+60+120×3 s of the 600 s allow 6–7 probes, got \(times.count - 5)")
        #expect(refused >= 250, "calls refused without a request: \(refused)")
    }

    /// Which of the two slow requests reaches the simulator first; each order once.
    enum SlowFirst: String, Sendable, CaseIterable { case hang, drip }

    @Test(arguments: SlowFirst.allCases)
    func t2t3AHangIsAbortedAfterFiveSilentSecondsAndADripAtTheTenSecondDeadline(_ first: SlowFirst) async throws {
        let configuration = try Self.simulator(faults: "hang:30/v2/clock,drip:1000/v2/account")
        try await SimulatedUpstream.with(configuration) { upstream in
            let client = Self.client(upstream.server.baseURL, retry: RetryPolicy(maxAttempts: 1))
            let clock = ContinuousClock()
            // The second request starts only once the first is at the simulator: the order CI once
            // ran in by chance (drip first) made the hang wait for the drip's connection.
            let start = { (path: String) in
                Task {
                    await clock.measureResult {
                        if path == "/v2/clock" { _ = try await client.clock() } else { _ = try await client.account() }
                    }
                }
            }
            let paths = first == .hang ? ["/v2/clock", "/v2/account"] : ["/v2/account", "/v2/clock"]
            let leader = start(paths[0])
            for _ in 0..<5000 where upstream.server.stats.requestsByPath[paths[0], default: 0] == 0 {
                try await Task.sleep(for: .milliseconds(1))
            }
            try #require(upstream.server.stats.requestsByPath[paths[0], default: 0] == 1, "\(paths[0]) never arrived")
            let follower = start(paths[1])
            let (hang, drip) = first == .hang ? (leader, follower) : (follower, leader)
            // No byte for 5 s trips the transport's stall rule (under 1 B/s for 5 s) before the
            // deadline; a body trickling at 1 B/s passes that rule and meets the 10 s deadline.
            for (name, (elapsed, error), bound) in [("hang", await hang.value, 5.0), ("drip", await drip.value, 10.0)] {
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                #expect(abs(seconds - bound) <= 0.5, "\(name) aborted after \(seconds) s")
                let failure = try #require(error as? AlpacaError, "\(name): \(String(describing: error))")
                #expect(failure.transportKind == .timeout, "\(name): \(failure)")
            }
        }
    }

    struct ThrottleCase: Sendable, CustomTestStringConvertible {
        var spec: String
        var testDescription: String { spec }
    }

    @Test(arguments: [
        ThrottleCase(spec: "status:429#1/v2/clock"),  // Reset and Retry-After
        ThrottleCase(spec: "ratelimit:2#1/v2/clock"),  // Reset only, as Alpaca sends it
        ThrottleCase(spec: "retry-after:2#1/v2/clock"),  // Retry-After only
    ])
    func t5NoRequestBeforeTheResetOrRetryAfterPlusOneSecond(_ testCase: ThrottleCase) async throws {
        try await SimulatedUpstream.with(try Self.simulator(faults: testCase.spec)) { upstream in
            let client = Self.client(upstream.server.baseURL)
            _ = try await client.clock()
            let requests = upstream.server.requests.filter { $0.path == "/v2/clock" }
            try #require(requests.map(\.status) == [429, 200], "\(requests)")
            // Either header says "not before first + 2 s" (Reset: the whole second two ahead).
            let earliest =
                testCase.spec.hasPrefix("retry-after") ? requests[0].time + 2 : (requests[0].time + 2).rounded(.down)
            #expect(requests[1].time >= earliest + 1, "retried \(requests[1].time - requests[0].time) s later")
            #expect(requests[1].time <= requests[0].time + 4.5, "and resumes promptly")
        }
    }

    @Test func t6AFourHundredTwentyNineStormFallsToProbesAndNeverExceedsTheBudget() async throws {
        try await PipelineHarness.with(faults: "status:429/v2/stocks/*") { harness in
            // On the wall clock's epoch: the simulator's X-RateLimit-Reset is a wall-clock second.
            let time = VirtualTime(start: Double(Timestamp.now().nanoseconds) / 1e9)
            let log = AttemptLog { time.now }
            let client = Self.client(harness.upstream.server.baseURL, time: time, observer: log)
            let service = MarketDataService(client: client, now: { harness.now })
            let watchlist = ["AAPL", "MSFT", "NVDA", "SPY", "QQQ"]
            let start = time.now
            while time.now - start < 120 {  // two minutes of a 2 s refresh
                _ = try? await service.quotes(watchlist, bypassCache: true)
                time.advance(by: 2)
            }
            let storm = log.attempts.filter { $0.event.endpoint.contains("snapshots") }
            let times = storm.map(\.time)
            #expect(storm.allSatisfy { $0.event.status == 429 })
            for (index, time) in times.enumerated() {
                let window = times[index...].prefix { $0 < time + 60 }.count
                #expect(window <= 200, "\(window) requests in the 60 s from \(time - start)")
            }
            // The breaker opened after five 429s; from then on, one probe per open interval.
            try #require(times.count > 5)
            for (previous, probe) in zip(times[4...], times[5...]) { #expect(probe - previous >= 15) }
            #expect(times.count <= 5 + 4, "\(times.count) requests in 120 s")
            // The storm ends: the next probe succeeds and the refresh resumes.
            harness.upstream.server.setFaults(nil)
            time.advance(by: 120)
            let results = try await service.quotes(watchlist, bypassCache: true)
            #expect(results.allSatisfy { (try? $0.result.get()) != nil })
        }
    }

    @Test func t7FiveHundredsAreTriedThreeTimesWithJitteredExponentialBackoff() async throws {
        try await SimulatedUpstream.with(try Self.simulator(faults: "status:503/v2/clock")) { upstream in
            var first: [Double] = []
            for run in 0..<5 {
                let time = VirtualTime()
                let before = upstream.server.stats.requests(to: "/v2/clock")
                let error = await #expect(throws: AlpacaError.self) {
                    _ = try await Self.client(upstream.server.baseURL, time: time).clock()
                }
                #expect(error?.httpStatus == 503)
                #expect(upstream.server.stats.requests(to: "/v2/clock") - before == 3, "run \(run)")
                let sleeps = time.sleeps
                try #require(sleeps.count == 2)
                #expect((0.5...1).contains(sleeps[0]) && (1...2).contains(sleeps[1]), "\(sleeps)")
                first.append(sleeps[0])
            }
            #expect(Set(first).count > 1, "jitter spreads the waits across runs: \(first)")
        }
    }

    @Test func t8ABadKeyIsNotRetriedAndItsErrorNamesTheCauseWithoutTheSecret() async throws {
        let canary = "CANARY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let configuration = try Self.simulator(faults: nil) { $0.keys = SimulatorKeys(id: "PKTEST", secret: "right") }
        try await SimulatedUpstream.with(configuration) { upstream in
            let credentials = Credentials(keyID: Secret("PKTEST"), secretKey: Secret(canary))
            let client = Self.client(upstream.server.baseURL, credentials: credentials)
            let trading = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
            let data = try await client.stockSnapshots(["AAPL"]).failures["AAPL"]
            #expect(trading?.httpStatus == 401 && data?.httpStatus == 403)
            #expect(upstream.server.stats.requests(to: "/v2/clock") == 1)
            #expect(upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1)
            for error in [trading, data] {
                let text = String(describing: error)
                #expect(!text.contains(canary))
                #expect(text.contains("40"), "names the status: \(text)")
            }
            #expect(upstream.server.requests.allSatisfy { $0.credentialHash?.contains(canary) != true })
        }
    }

    @Test func t9AnUnknownSymbolIsMarkedAndTheOthersAreUnaffectedWithoutARetry() async throws {
        try await PipelineHarness.with(unknown: ["ZZZZ"]) { harness in
            let results = try await harness.quotes(["AAPL", "ZZZZ", "MSFT"])
            #expect(results["ZZZZ"]?.failure?.code == .dataUnavailable)
            #expect(results["AAPL"]?.value != nil && results["MSFT"]?.value != nil)
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1)
        }
    }

    @Test func t10ARedirectToAnotherPortIsNotFollowedWithTheKeys() async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration()) { other in
            let spec = "redirect:\(other.server.port)/v2/clock"
            try await SimulatedUpstream.with(try Self.simulator(faults: spec)) { upstream in
                let credentials = Credentials(keyID: Secret("PKTEST"), secretKey: Secret("secret"))
                let client = Self.client(upstream.server.baseURL, credentials: credentials)
                let error = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
                #expect(error?.httpStatus == 302)
                #expect(other.server.requests.filter(\.carriedCredentials).isEmpty)
                #expect(other.server.stats.requestsTotal == 0, "not followed at all")
            }
        }
    }

    @Test func t11ACountdownOfRemainingSlowsTheClientBeforeAnyFourHundredTwentyNine() async throws {
        // Ten requests per 5 s window: the client, asking as fast as it may for 16 s, must spread
        // what the headers say is left and never be refused.
        let configuration = try Self.simulator(faults: nil) {
            $0.rateLimitPerMinute = 10
            $0.rateLimitWindow = 5
        }
        try await SimulatedUpstream.with(configuration) { upstream in
            let client = Self.client(upstream.server.baseURL)
            let clock = ContinuousClock()
            let end = clock.now.advanced(by: .seconds(16))
            while clock.now < end { _ = try await client.clock() }
            let statuses = upstream.server.requests.map(\.status)
            #expect(!statuses.contains(429))
            #expect(statuses.count >= 25, "it used the budget of three windows or more: \(statuses.count)")
        }
    }

    @Test func d3AZeroBidAndAskIsNoQuoteNotARejection() async throws {
        try await PipelineHarness.with(faults: "no-quote=AAPL") { harness in
            let results = try await harness.quotes(["AAPL", "MSFT"])
            let quote = try #require(results["AAPL"]?.value, "\(String(describing: results["AAPL"]))")
            #expect(quote.value.bidPrice == 0 && quote.value.askPrice == 0 && quote.value.lastPrice != nil)
            #expect(quote.enrichment.quality.reasons.contains { $0.contains("no bid or ask") })
            #expect(harness.service.journal.counts.isEmpty, "no validation failure")
        }
    }

    @Test(arguments: [7200.0, -7200.0])
    func d6StaleAndFutureHoldWithTheClockMovedTwoHours(_ offset: Double) async throws {
        // +2 h is 12:15 New York, in the session; −2 h is 08:15, pre-market, when the last
        // session's data is not stale.
        let time = SimulatedUpstream.sessionTime.adding(seconds: offset)
        try await PipelineHarness.with(at: time, faults: "stale:3600=AAPL,future:600=MSFT") { harness in
            let results = try await harness.quotes(["AAPL", "MSFT", "NVDA"])
            #expect(results["MSFT"]?.failure?.rule == Rules.futureTimestamp, "\(String(describing: results["MSFT"]))")
            if offset > 0 {
                #expect(results["AAPL"]?.failure?.rule == Rules.freshness)
            } else {
                #expect(results["AAPL"]?.value != nil, "\(String(describing: results["AAPL"]))")
            }
            #expect(results["NVDA"]?.value != nil)
        }
    }

    @Test func d7AnOlderQuoteAfterANewerOneIsIgnoredAndCounted() async throws {
        try await PipelineHarness.with { harness in
            let first = try #require(try await harness.quotes(["AAPL", "MSFT"])["AAPL"]?.value)
            harness.upstream.server.setFaults(try FaultSpec.parse("out-of-order:30=AAPL"))
            let second = try await harness.quotes(["AAPL", "MSFT"])
            let shown = try #require(second["AAPL"]?.value)
            #expect(shown.value == first.value, "the displayed value is unchanged")
            #expect(harness.service.journal.counts[Rules.ordering] == 1)
            let record = try #require(harness.service.journal.failures.first)
            #expect(record.symbol == "AAPL" && record.message.contains("older than the one held"))
            #expect(second["MSFT"]?.value != nil)
        }
    }

    @Test func d8AnOversizedBodyIsRefusedAtTheCapWithMemoryBounded() async throws {
        try await PipelineHarness.with(faults: "oversize:50/v2/stocks/snapshots") { harness in
            // The client's memory for this is measured in a process of its own (scripts/e2e.sh):
            // here the simulator that builds the 50 MB body shares the test process.
            let failure = try #require(try await harness.quotes(["AAPL", "MSFT"])["AAPL"]?.failure)
            #expect(failure.code == .upstreamError && failure.message.contains("larger than"), "\(failure)")
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1, "not retried")
        }
    }

    @Test func c1TheCallerThatStartedAFlightCancelsItWhenCancelled() async throws {
        // Single flight must not make a refresh uncancellable: at exit the dashboard cancels its
        // refresh, and a hanging transfer must stop with it.
        try await PipelineHarness.with(faults: "hang:30/v2/stocks/snapshots") { harness in
            let service = harness.service
            _ = await service.marketClock()
            let clock = ContinuousClock()
            let start = clock.now
            let refresh = Task { try await service.quotes(["AAPL"]) }
            try await Task.sleep(for: .milliseconds(300))
            refresh.cancel()
            let outcome = await refresh.result
            #expect(clock.now - start < .seconds(3), "returned \(clock.now - start) after the start")
            #expect(throws: (any Error).self) { try outcome.get() }
        }
    }

    @Test func c1ABurstOfIdenticalRequestsIsOneUpstreamRequestPerSymbol() async throws {
        try await PipelineHarness.with { harness in
            let service = harness.service
            let symbols = ["AAPL", "MSFT", "NVDA"]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 { group.addTask { _ = try await service.quotes(symbols) } }
                try await group.waitForAll()
            }
            let snapshots = harness.upstream.server.requests.filter { $0.path == "/v2/stocks/snapshots" }
            #expect(snapshots.count == 1, "\(snapshots.map(\.query))")
            for _ in 0..<5 { _ = try await service.quotes(symbols) }
            let stats = await service.cache.stats(for: .realTime)
            // Misses are the symbols fetched (3) plus the market clock (1): one per key fetched.
            let keysFetched = snapshots.count * symbols.count + harness.upstream.server.stats.requests(to: "/v2/clock")
            #expect(stats.misses == keysFetched, "\(stats)")
            #expect(stats.hits == 5 * symbols.count)
            #expect(stats.hitRate == Double(stats.hits) / Double(stats.hits + stats.misses))
        }
    }
}

extension ContinuousClock {
    /// How long `body` took, and the error it threw, if any.
    func measureResult(_ body: () async throws -> Void) async -> (Duration, (any Error)?) {
        var failure: (any Error)?
        let elapsed = await measure {
            do { try await body() } catch { failure = error }
        }
        return (elapsed, failure)
    }
}
