import AlpacaSimulator
import CurlTransport
import Foundation
import HTTPCore
import SimulatorTestSupport
import Testing

@testable import AlpacaAPI

/// The breaker in the client, over real HTTP.
///
/// Calls stop reaching a failing host, one probe goes out per open interval, and a good probe
/// resumes traffic. Counts come from `/_sim/stats`.
@Suite(.timeLimit(.minutes(1)))
struct CircuitBreakerClientTests {
    /// Fast intervals so the test does not wait 15 s: open 0.5 s, doubling to 1 s.
    static let breaker: CircuitBreaker.Policy = {
        var policy = CircuitBreaker.Policy()
        policy.openInterval = 0.5
        policy.maxOpenInterval = 1
        return policy
    }()

    @Test func opensOnAFailingHostProbesOnceAndClosesOnAGoodProbe() async throws {
        try await SimulatedUpstream.with(ClientPolicyTests.liveClock()) { upstream in
            let observer = RecordingObserver()
            let client = upstream.client(
                retry: RetryPolicy(maxAttempts: 1), observer: observer, breaker: Self.breaker)
            let path = "/_sim/test/status/503"
            // The simulator fails the first 6 requests for this key, then answers 200.
            let query = ClientPolicyTests.query(["key": "breaker", "times": "6"])
            func call() async -> AlpacaError? {
                do {
                    _ = try await client.get(.data, path, query: query, endpoint: "GET breaker")
                    return nil
                } catch {
                    return error as? AlpacaError
                }
            }
            func sent() -> Int { upstream.server.stats.requests(to: path) }

            for _ in 0..<5 { #expect(await call()?.httpStatus == 503) }
            #expect(sent() == 5)
            let refused = await call()
            #expect(refused?.kind == .circuitOpen)
            #expect(refused?.httpStatus == 503, "the refusal names the last failure")
            #expect(refused?.message.contains("paused") == true)
            #expect(sent() == 5, "an open breaker sends nothing")

            try await Task.sleep(for: .milliseconds(600))
            #expect(await call()?.httpStatus == 503, "the probe reaches the host and fails")
            #expect(sent() == 6)
            #expect(await call()?.kind == .circuitOpen, "open again after a failed probe")
            #expect(sent() == 6)

            try await Task.sleep(for: .milliseconds(1100))  // the interval doubled to 1 s
            #expect(await call() == nil, "the probe succeeds")
            #expect(await call() == nil, "and traffic resumes")
            #expect(sent() == 8)
            #expect(await client.breakers.state(of: "127.0.0.1") == .closed)
            let states = observer.circuitStates
            #expect(states.count == 3)
            #expect(states.last == .closed)
            #expect(states.dropLast().allSatisfy { if case .open = $0 { true } else { false } })
        }
    }

    @Test func connectionRefusedOpensItAndLaterCallsAreNotAttempted() async throws {
        let observer = RecordingObserver()
        // Port 9 (discard) on loopback: nothing listens there on this machine kind.
        var configuration = AlpacaClient.Configuration(
            hosts: AlpacaHosts(trading: "http://127.0.0.1:9", data: "http://127.0.0.1:9"))
        configuration.retry = RetryPolicy(maxAttempts: 1)
        configuration.breaker = Self.breaker
        let client = AlpacaClient(configuration: configuration, transport: CurlTransport(), observer: observer)
        var kinds: [AlpacaError.Kind] = []
        for _ in 0..<8 {
            do {
                _ = try await client.get(.data, "/v2/clock", endpoint: "GET /v2/clock")
            } catch let error as AlpacaError {
                kinds.append(error.kind)
            }
        }
        #expect(kinds == Array(repeating: .transport, count: 5) + Array(repeating: .circuitOpen, count: 3))
        #expect(observer.events.count == 5, "calls refused by the breaker are never attempted")
        #expect(observer.circuitStates.count == 1)
    }

    @Test func clientErrorsDoNotOpenIt() async throws {
        try await SimulatedUpstream.with(ClientPolicyTests.liveClock()) { upstream in
            let client = upstream.client(retry: RetryPolicy(maxAttempts: 1), breaker: Self.breaker)
            let query = ClientPolicyTests.query(["key": "four-oh-four", "times": "100"])
            for _ in 0..<12 {
                await #expect(throws: AlpacaError.self) {
                    _ = try await client.get(.data, "/_sim/test/status/404", query: query, endpoint: "GET t")
                }
            }
            #expect(upstream.server.stats.requests(to: "/_sim/test/status/404") == 12)
            #expect(await client.breakers.state(of: "127.0.0.1") == .closed)
        }
    }
}
