import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import FaultInjection
import Foundation
import MarketModel
import SimulatorTestSupport
import Testing

/// The simulator's market-data stream over a real WebSocket on its REST port.
@Suite struct StreamServerTests {
    static func streamURL(_ server: SimulatorServer, _ path: String = "/v2/iex") -> String {
        "ws://127.0.0.1:\(server.port)" + path
    }

    static func moving(_ change: (inout SimulatorConfiguration) -> Void = { _ in }) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.market = .open
        configuration.clock = .system
        change(&configuration)
        return configuration
    }

    static func isSubscription(_ message: StreamMessage) -> Bool {
        if case .subscription = message { return true }
        return false
    }

    static func isError(_ code: Int) -> @Sendable (StreamMessage) -> Bool {
        { if case .error(code, _) = $0 { true } else { false } }
    }

    /// connected → auth → subscribe (echoed in full) → quotes and trades, in both framings.
    @Test(arguments: StreamFraming.allCases)
    func theHandshakeAndDataFlowAsAlpacas(framing: StreamFraming) async throws {
        let server = try await SimulatorServer.start(Self.moving())
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: Self.streamURL(server), framing: framing) { probe in
            try await probe.wait { $0 == .success("connected") }
            try await probe.send(.auth(key: "k", secret: "s"))
            try await probe.wait { $0 == .success("authenticated") }
            try await probe.send(.subscribe(StreamSubscription(trades: ["AAPL"], quotes: ["AAPL", "MSFT"])))
            let (echo, _) = try await probe.wait(Self.isSubscription)
            guard case .subscription(let set) = echo else { return }
            #expect(set.trades == ["AAPL"] && set.quotes == ["AAPL", "MSFT"])
            try await probe.wait { if case .quote("MSFT", _) = $0 { true } else { false } }
            try await probe.wait { if case .trade("AAPL", _) = $0 { true } else { false } }
            #expect(!probe.messages.contains { if case .trade("MSFT", _) = $0 { true } else { false } })
            #expect(!probe.messages.contains { $0.typeCode == "malformed" })
        }
        #expect(server.stats.streamConnections == 1)
    }

    /// The REST snapshot equals the last streamed values (a fixed clock: the same second).
    @Test func theStreamedQuoteIsTheSnapshotsQuote() async throws {
        var configuration = SimulatorConfiguration()
        configuration.market = .open
        configuration.clock = .fixed(SimulatedUpstream.sessionTime)
        try await SimulatedUpstream.with(configuration) { upstream in
            let server = upstream.server
            let streamed = try await withStreamedQuote(server)
            let snapshot = try await upstream.client().stockSnapshots(["AAPL"])
            guard case .value(let wire)? = snapshot.entries["AAPL"] else {
                Issue.record("no snapshot")
                return
            }
            #expect(wire.latestQuote == streamed.quote)
            #expect(wire.latestTrade == streamed.trade)
        }
    }

    private func withStreamedQuote(_ server: SimulatorServer) async throws -> (quote: WireQuote, trade: WireTrade) {
        let found = Found()
        try await StreamProbe.with(url: Self.streamURL(server), framing: .msgpack) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(StreamSubscription(trades: ["AAPL"], quotes: ["AAPL"])))
            let (q, _) = try await probe.wait { if case .quote = $0 { true } else { false } }
            let (t, _) = try await probe.wait { if case .trade = $0 { true } else { false } }
            if case .quote(_, let quote) = q, case .trade(_, let trade) = t { found.set(quote, trade) }
        }
        return try #require(found.value)
    }

    final class Found: @unchecked Sendable {
        var value: (quote: WireQuote, trade: WireTrade)?
        func set(_ q: WireQuote, _ t: WireTrade) { value = (q, t) }
    }

    /// Subscribing before auth is 401; a second auth is 403; garbage is 400; wrong keys are 402.
    @Test func protocolErrorsAreAlpacas() async throws {
        let server = try await SimulatorServer.start(
            Self.moving { $0.keys = SimulatorKeys(id: "PKTEST", secret: "sekrit") })
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: Self.streamURL(server)) { probe in
            try await probe.send(.subscribe(.stocks(["AAPL"])))
            try await probe.wait(Self.isError(401))
            try await probe.sendText("not json")
            try await probe.wait(Self.isError(400))
            try await probe.send(.auth(key: "PKTEST", secret: "sekrit"))
            try await probe.wait { $0 == .success("authenticated") }
            try await probe.send(.auth(key: "PKTEST", secret: "sekrit"))
            try await probe.wait(Self.isError(403))
        }
        let close = try await StreamProbe.with(url: Self.streamURL(server)) { probe in
            try await probe.send(.auth(key: "PKTEST", secret: "wrong"))
            try await probe.wait(Self.isError(402))
        }
        #expect(close != nil)
        #expect(server.stats.streamErrorsByCode[402] == 1)
    }

    /// One connection per key pair and endpoint: the second gets 406 and is closed; the first
    /// keeps streaming; once it leaves, a new one is accepted.
    @Test func aSecondConnectionGets406() async throws {
        let server = try await SimulatorServer.start(Self.moving())
        defer { Task { await server.stop() } }
        let url = Self.streamURL(server)
        try await StreamProbe.with(url: url) { first in
            try await first.send(.auth(key: "a", secret: "b"))
            try await first.wait { $0 == .success("authenticated") }
            try await StreamProbe.with(url: url) { second in
                try await second.send(.auth(key: "a", secret: "b"))
                try await second.wait(Self.isError(406))
            }
            // Another endpoint is another connection.
            try await StreamProbe.with(url: Self.streamURL(server, "/v2/sip")) { other in
                try await other.send(.auth(key: "a", secret: "b"))
                try await other.wait { $0 == .success("authenticated") }
            }
        }
        try await StreamProbe.with(url: url) { again in
            try await again.send(.auth(key: "a", secret: "b"))
            try await again.wait { $0 == .success("authenticated") }
        }
    }

    /// Past the symbol limit a subscribe is refused with 405 and the earlier set is kept.
    @Test func theSymbolLimitIs405AndKeepsTheEarlierSet() async throws {
        let server = try await SimulatorServer.start(Self.moving { $0.streamSymbolLimit = 3 })
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: Self.streamURL(server)) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(.stocks(["AAPL", "MSFT"])))
            let (_, next) = try await probe.wait(Self.isSubscription)
            try await probe.send(.subscribe(.stocks(["SPY", "QQQ"])))
            try await probe.wait(after: next, Self.isError(405))
            try await probe.send(.subscribe(.stocks(["SPY"])))
            let (echo, _) = try await probe.wait(after: next, Self.isSubscription)
            guard case .subscription(let set) = echo else { return }
            #expect(set.quotes == ["AAPL", "MSFT", "SPY"])
        }
    }

    /// The fault layer on messages: a hostile data fault reaches the client in its wire shape,
    /// and `disconnect` closes the connection.
    @Test func streamFaultsApply() async throws {
        let server = try await SimulatorServer.start(Self.moving { $0.faults = try? FaultSpec.parse("hostile=AAPL") })
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: Self.streamURL(server)) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(StreamSubscription(quotes: ["AAPL"])))
            let (message, _) = try await probe.wait { if case .quote = $0 { true } else { false } }
            guard case .quote(_, let quote) = message else { return }
            #expect(quote.bidExchange?.contains("\u{1B}]0;pwned") == true)
        }
        server.setFaults(try FaultSpec.parse("disconnect#1/v2/*"))
        let close = try await StreamProbe.with(url: Self.streamURL(server)) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(StreamSubscription(quotes: ["MSFT"])))
            try await Task.sleep(for: .seconds(3))
        }
        #expect(close == 1001)
        #expect(server.stats.faultsByKind["disconnect"] == 1)
    }

    /// A client that stops reading is dropped as slow (407) instead of queueing without bound.
    @Test func aClientThatStopsReadingIsDropped() async throws {
        let server = try await SimulatorServer.start(
            Self.moving {
                $0.streamRate = 10
                $0.streamBufferFrames = 8
                // 20 kB of hostile text per message fills the socket buffers in a few ticks.
                $0.faults = try? FaultSpec.parse("hostile")
            })
        defer { Task { await server.stop() } }
        _ = try? await StreamProbe.with(url: Self.streamURL(server), reading: false) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(StreamSubscription(quotes: (0..<20).map { "S\($0)" })))
            let deadline = Date().addingTimeInterval(20)
            while server.stats.streamErrorsByCode[407] == nil && Date() < deadline {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(server.stats.streamErrorsByCode[407] != nil)
    }
}

extension StreamServerTests {
    /// A symbol subscribed to statuses gets its trading status once.
    @Test func statusesAreSentOnSubscribe() async throws {
        let server = try await SimulatorServer.start(Self.moving())
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: Self.streamURL(server), framing: .msgpack) { probe in
            try await probe.send(.auth(key: "", secret: ""))
            try await probe.send(.subscribe(StreamSubscription(statuses: ["AAPL"])))
            let (message, _) = try await probe.wait { if case .status = $0 { true } else { false } }
            guard case .status("AAPL", let status) = message else { return }
            #expect(status.code == "T" && status.message == "Trading" && status.time != nil)
        }
    }
}
