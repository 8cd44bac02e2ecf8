import AlpacaSimulator
import Foundation
import HTTPCore
import MarketModel
import Testing

/// The `/_sim/test/` routes and the server lifecycle.
struct TransportRouteTests {
    @Test func delayBytesRedirectAndEchoHeaders() async throws {
        try await SimulatorHarness.with { sim in
            let started = ContinuousClock.now
            let delayed = try await sim.get("/_sim/test/delay?ms=150")
            #expect(ContinuousClock.now - started >= .milliseconds(150))
            #expect(try AnyJSON.parse(delayed.body) == .object(["ok": .bool(true)]))
            for n in [0, 1, 2, 12_345] {
                let response = try await sim.get("/_sim/test/bytes?n=\(n)")
                #expect(response.status == 200 && response.body.count == n)
            }
            let redirect = try await sim.get("/_sim/test/redirect?to=http%3A%2F%2F127.0.0.1%3A9%2Fv2%2Fclock")
            #expect(redirect.status == 302)
            #expect(sim.header(redirect, "location") == "http://127.0.0.1:9/v2/clock")
            let echo = try await sim.json("/_sim/test/echo_headers", headers: [("APCA-API-KEY-ID", "PKECHO")])
            #expect(echo["apca-api-key-id"]?.string == "PKECHO")
        }
    }

    @Test func scriptedStatusesAnswerNTimesThenOK() async throws {
        try await SimulatorHarness.with { sim in
            let path = "/_sim/test/status/503?key=t1&times=2"
            #expect(try await sim.get(path).status == 503)
            #expect(try await sim.get(path).status == 503)
            #expect(try await sim.get(path).status == 200)
            #expect(try await sim.get("/_sim/test/status/503?key=t2&times=1").status == 503)
            let limited = try await sim.get("/_sim/test/status/429?key=t3&times=1&reset_in=5&retry_after=7")
            #expect(limited.status == 429)
            #expect(sim.header(limited, "retry-after") == "7")
            let reset = Int64(sim.header(limited, "x-ratelimit-reset") ?? "") ?? 0
            let now = Timestamp.now().wholeSeconds
            #expect(reset >= now + 3 && reset <= now + 6)
            #expect(try await sim.get("/_sim/test/status/429?key=t3&times=1").status == 200)
        }
    }

    @Test func dripSendsASlowBodyOfTheRequestedLength() async throws {
        // A plain socket client: no low-speed abort, so a loaded machine that starves the
        // in-process server for a while cannot turn a slow body into a failure.
        try await SimulatorHarness.with { sim in
            let started = ContinuousClock.now
            let response = try await LoopbackHTTP.get(
                port: sim.server.port, "/_sim/test/drip?bytes=5&interval_ms=60", timeout: 30)
            #expect(response.status == 200 && response.body.count == 5)
            #expect(ContinuousClock.now - started >= .milliseconds(240))
        }
    }

    @Test func hangTimesOutTheClientAndStopIsPrompt() async throws {
        let server = try await SimulatorServer.start(SimulatorHarness.configuration())
        let client = Task { try await LoopbackHTTP.get(port: server.port, "/_sim/test/hang", timeout: 0.5) }
        let outcome = await client.result
        #expect(throws: (any Error).self) { try outcome.get() }
        let started = ContinuousClock.now
        await server.stop()
        // Far sooner than the hang (60 s), even when the test process is loaded.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func manySimulatorsRunConcurrentlyOnDistinctPorts() async throws {
        let started = ContinuousClock.now
        let servers = try await withThrowingTaskGroup(of: SimulatorServer.self) { group in
            for seed in 1...8 {
                group.addTask { try await SimulatorServer.start(SimulatorHarness.configuration(seed: UInt64(seed))) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Tens of milliseconds when idle; the bound is loose because CI machines are shared.
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(Set(servers.map(\.port)).count == 8)
        #expect(servers.allSatisfy { $0.port > 0 && $0.baseURL == "http://127.0.0.1:\($0.port)" })
        for server in servers {
            #expect(try await LoopbackHTTP.get(port: server.port, "/v2/clock").status == 200)
        }
        for server in servers { await server.stop() }
    }

    @Test func runReturnsWhenCancelled() async throws {
        let ready = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await SimulatorServer.run(configuration: SimulatorHarness.configuration()) { server in
                ready.continuation.yield(server.port)
            }
        }
        var port = 0
        for await value in ready.stream {
            port = value
            break
        }
        #expect(try await LoopbackHTTP.get(port: port, "/v2/clock").status == 200)
        task.cancel()
        try await task.value
    }
}
