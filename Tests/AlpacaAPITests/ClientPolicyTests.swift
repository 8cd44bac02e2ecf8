import AlpacaSimulator
import CurlTransport
import Foundation
import HTTPCore
import MarketModel
import SimulatorTestSupport
import Testing

@testable import AlpacaAPI

/// Request policy against the simulator: retries, backoff, 429 handling, auth, redaction.
@Suite(.timeLimit(.minutes(1)))
struct ClientPolicyTests {
    static func liveClock() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.clock = .system
        return configuration
    }

    @Test func retriesTransientStatusesWithJitteredBackoff() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let observer = RecordingObserver()
            let retry = RetryPolicy(maxAttempts: 3, base: 0.2, cap: 5)
            let client = upstream.client(retry: retry, observer: observer)
            let response = try await client.get(
                .data, "/_sim/test/status/503", query: Self.query(["key": "a", "times": "2"]), endpoint: "GET test")
            #expect(response.status == 200)
            let events = observer.events
            #expect(events.map(\.status) == [503, 503, 200])
            let gaps = zip(events.dropFirst(), events).map { $0.finishedAt.seconds(since: $1.finishedAt) }
            // Equal jitter: attempt n waits at least half of base × 2^(n−1). The upper bound (all of
            // it) is checked exactly in jitterSpreadsTheBackoff; over HTTP a loaded machine can
            // only add time, so here only the lower bounds and a generous total are asserted.
            #expect(gaps[0] >= 0.1, "\(gaps)")
            #expect(gaps[1] >= 0.2, "\(gaps)")
            #expect(gaps[0] + gaps[1] < 10, "\(gaps)")
            #expect(upstream.server.stats.requests(to: "/_sim/test/status/503") == 3)
        }
    }

    @Test func jitterSpreadsTheBackoff() {
        let policy = RetryPolicy(base: 1, cap: 30)
        let waits = (0..<200).map { _ in policy.backoff(afterAttempt: 3) }
        #expect(waits.allSatisfy { $0 >= 2 && $0 <= 4 })
        #expect(Set(waits.map { ($0 * 1000).rounded() }).count > 50)
        #expect(RetryPolicy(base: 1, cap: 30, random: { 0.999 }).backoff(afterAttempt: 10) <= 30)
    }

    @Test func givesUpAfterThreeAttempts() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let client = upstream.client()
            await #expect(throws: AlpacaError.self) {
                _ = try await client.get(
                    .data, "/_sim/test/status/500", query: Self.query(["key": "b", "times": "10"]), endpoint: "GET t")
            }
            #expect(upstream.server.stats.requests(to: "/_sim/test/status/500") == 3)
        }
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func neverRetriesClientErrors(status: Int) async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let client = upstream.client()
            let error = await #expect(throws: AlpacaError.self) {
                _ = try await client.get(
                    .data, "/_sim/test/status/\(status)", query: Self.query(["key": "c", "times": "5"]),
                    endpoint: "GET t"
                )
            }
            #expect(error?.httpStatus == status)
            #expect(upstream.server.stats.requests(to: "/_sim/test/status/\(status)") == 1)
        }
    }

    @Test func honoursRateLimitResetAfterA429() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let observer = RecordingObserver()
            let client = upstream.client(observer: observer)
            let response = try await client.get(
                .data, "/_sim/test/status/429", query: Self.query(["key": "d", "times": "1", "reset_in": "1"]),
                endpoint: "GET t")
            #expect(response.status == 200)
            let events = observer.events
            #expect(events.count == 2)
            let reset = try #require(events[0].rateLimit.reset)
            // No request before X-RateLimit-Reset + 1 s (the second attempt finished after it started).
            let secondStart = events[1].finishedAt.secondsSinceEpoch - events[1].duration
            #expect(secondStart >= reset + 1 - 0.01, "second attempt at \(secondStart), reset \(reset)")
        }
    }

    @Test func honoursRetryAfter() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let observer = RecordingObserver()
            let client = upstream.client(observer: observer)
            _ = try await client.get(
                .data, "/_sim/test/status/429", query: Self.query(["key": "e", "times": "1", "retry_after": "1"]),
                endpoint: "GET t")
            let events = observer.events
            #expect(events.count == 2)
            #expect(events[1].finishedAt.seconds(since: events[0].finishedAt) >= 1.9)
        }
    }

    @Test func wrongKeysAreNotRetriedAndNeverPrinted() async throws {
        var configuration = Self.liveClock()
        configuration.keys = SimulatorKeys(id: "PKRIGHT", secret: "right-secret")
        try await SimulatedUpstream.with(configuration) { upstream in
            let canary = "CANARY-" + UUID().uuidString
            let client = upstream.client(credentials: Credentials(keyID: Secret("PKWRONG"), secretKey: Secret(canary)))
            let trading = await #expect(throws: AlpacaError.self) { _ = try await client.account() }
            #expect(trading?.httpStatus == 401)
            #expect(trading?.isUnauthorized == true)
            let data = try await client.stockSnapshots(["AAPL"]).failures["AAPL"]
            #expect(data?.httpStatus == 403)
            #expect(upstream.server.stats.requests(to: "/v2/account") == 1)
            #expect(upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1)
            for error in [trading, data].compactMap({ $0 }) {
                #expect(!"\(error)".contains(canary))
                #expect(!String(reflecting: error).contains(canary))
            }
            // A server that echoes the secret in its message still never shows it.
            upstream.server.market.setErrorMessage(path: "/v2/clock", status: 500, message: "bad key \(canary)")
            let echoed = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
            #expect(echoed.map { "\($0)".contains(canary) } == false)
            let right = upstream.client(
                credentials: Credentials(keyID: Secret("PKRIGHT"), secretKey: Secret("right-secret")))
            #expect(try await right.account().status == "ACTIVE")
        }
    }

    @Test func transportErrorsCarryNoSecretAndAreTyped() async throws {
        let canary = "CANARY-" + UUID().uuidString
        var configuration = AlpacaClient.Configuration(
            hosts: AlpacaHosts(trading: "http://127.0.0.1:1", data: "http://127.0.0.1:1"),
            credentials: Credentials(keyID: Secret("PK"), secretKey: Secret(canary)))
        configuration.retry = RetryPolicy(maxAttempts: 2, base: 0.01, cap: 0.01)
        let client = AlpacaClient(configuration: configuration, transport: CurlTransport())
        let error = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
        #expect(error?.kind == .transport)
        #expect(error?.transportKind == .connectionFailed)
        #expect(error.map { "\($0)".contains(canary) } == false)
    }

    @Test func refusesPlainHTTPToARemoteHost() async throws {
        let client = AlpacaClient(
            configuration: AlpacaClient.Configuration(
                hosts: AlpacaHosts(trading: "http://example.com", data: "http://example.com")),
            transport: CurlTransport())
        let error = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
        #expect(error?.kind == .invalidRequest)
    }

    @Test func rateLimitBurstGets429AndNothingIsSentBeforeTheReset() async throws {
        var configuration = Self.liveClock()
        configuration.rateLimitPerMinute = 5
        try await SimulatedUpstream.with(configuration) { upstream in
            let observer = RecordingObserver()
            // The client's own budget is looser than the server's, so the server's 429 is what stops it.
            let client = upstream.client(observer: observer)
            let task = Task {
                for _ in 0..<12 { _ = try await client.clock() }
            }
            // Wait for the first 429, then give the client a second in which it must stay quiet.
            for _ in 0..<100 where !observer.events.contains(where: { $0.status == 429 }) {
                try await Task.sleep(for: .milliseconds(100))
            }
            try await Task.sleep(for: .milliseconds(1000))
            task.cancel()
            _ = try? await task.value
            let events = observer.events
            let first429 = try #require(events.firstIndex { $0.status == 429 })
            let reset = try #require(events[first429].rateLimit.reset)
            #expect(events[first429].rateLimit.remaining == 0)
            for event in events[(first429 + 1)...] {
                let started = event.finishedAt.secondsSinceEpoch - event.duration
                #expect(started >= reset + 1 - 0.01, "request at \(started) before reset \(reset) + 1 s")
            }
        }
    }

    static func query(_ items: [String: String]) -> QueryItems {
        var query = QueryItems()
        for (k, v) in items.sorted(by: { $0.key < $1.key }) { query.add(k, v) }
        return query
    }
}
