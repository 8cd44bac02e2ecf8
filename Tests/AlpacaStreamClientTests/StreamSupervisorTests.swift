import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import FaultInjection
import Foundation
import MarketModel
import SimulatorTestSupport
import Synchronization
import TUITestSupport
import Testing

@testable import AlpacaStreamClient

/// What a supervisor handed to its handlers.
final class Recorder: Sendable {
    struct State {
        var statuses: [StreamStatus] = []
        var reseeds: [[String]] = []
        var symbols: [String: Int] = [:]
    }

    let state = Mutex(State())

    var handlers: StreamHandlers {
        StreamHandlers(
            data: { messages, _ in
                self.state.withLock { s in
                    for m in messages { if let sym = m.symbol { s.symbols[sym, default: 0] += 1 } }
                }
            },
            reseed: { symbols in self.state.withLock { $0.reseeds.append(symbols) } },
            status: { status in self.state.withLock { $0.statuses.append(status) } },
            sessionOn: { true })
    }

    var last: StreamStatus? { state.withLock { $0.statuses.last } }

    /// Waits (real time, bounded) until the latest status satisfies `condition`.
    func wait(
        timeout: Double = 20, step: (() -> Void)? = nil, _ condition: @Sendable (StreamStatus) -> Bool
    ) async throws -> StreamStatus {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let last, condition(last) { return last }
            step?()
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Timeout(last: last)
    }

    struct Timeout: Error, CustomStringConvertible {
        var last: StreamStatus?
        var description: String { "timed out at \(String(describing: last))" }
    }
}

@Suite(.serialized) struct StreamSupervisorTests {
    static func simulator(_ change: (inout SimulatorConfiguration) -> Void = { _ in }) async throws -> SimulatorServer {
        var configuration = SimulatorConfiguration()
        configuration.market = .open
        configuration.clock = .system
        change(&configuration)
        return try await SimulatorServer.start(configuration)
    }

    static func settings(_ server: SimulatorServer, framing: StreamFraming = .msgpack) -> StreamSettings {
        var settings = StreamSettings(url: "ws://127.0.0.1:\(server.port)/v2/iex", framing: framing)
        settings.backoffBase = .milliseconds(50)
        settings.backoffCap = .milliseconds(200)
        return settings
    }

    @Test(arguments: StreamFraming.allCases)
    func itSubscribesReseedsAndDelivers(framing: StreamFraming) async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let recorder = Recorder()
        let supervisor = StreamSupervisor(
            settings: Self.settings(server, framing: framing), symbols: ["AAPL", "MSFT"], clock: ContinuousClock(),
            handlers: recorder.handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        let status = try await recorder.wait { $0.isStreaming && ($0.messagesTotal["q"] ?? 0) >= 4 }
        #expect(status.subscribed == ["AAPL", "MSFT"] && status.overflow.isEmpty)
        #expect(status.reseeds == 1 && status.reconnects == 0 && status.gaps == 0)
        #expect(recorder.state.withLock { $0.reseeds } == [["AAPL", "MSFT"]])
        #expect(recorder.state.withLock { $0.symbols.keys.sorted() } == ["AAPL", "MSFT"])
        #expect(status.lagP50 != nil)
    }

    /// 405: what fits the plan is streamed (found by halving), the rest is named for polling.
    @Test func pastTheSymbolLimitItStreamsWhatFitsAndNamesTheRest() async throws {
        let server = try await Self.simulator { $0.streamSymbolLimit = 3 }
        defer { Task { await server.stop() } }
        let recorder = Recorder()
        let symbols = ["AAPL", "MSFT", "SPY", "QQQ", "NVDA"]
        let supervisor = StreamSupervisor(
            settings: Self.settings(server), symbols: symbols, clock: ContinuousClock(), handlers: recorder.handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        let status = try await recorder.wait { $0.isStreaming && !$0.overflow.isEmpty }
        #expect(status.subscribed.count == 3 && status.overflow.count == 2)
        #expect(Set(status.subscribed + status.overflow) == Set(symbols))
        #expect(status.lastErrorCode == 405)
        // A symbol removed from the watchlist frees its slot for one that was polled.
        await supervisor.setSymbols(["MSFT", "SPY", "QQQ", "NVDA"])
        let after = try await recorder.wait { $0.subscribed.count == 3 && $0.overflow.count == 1 }
        #expect(!after.subscribed.contains("AAPL"))
    }

    /// 406: another session holds the connection, so the supervisor polls and says why, and waits
    /// out the connection-limit window instead of hammering.
    @Test func aHeldConnectionMeansPollingAndSaysSo() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let url = "ws://127.0.0.1:\(server.port)/v2/iex"
        try await StreamProbe.with(url: url) { holder in
            try await holder.send(.auth(key: "", secret: ""))
            try await holder.wait { $0 == .success("authenticated") }
            let recorder = Recorder()
            let supervisor = StreamSupervisor(
                settings: Self.settings(server), symbols: ["AAPL"], clock: ContinuousClock(),
                handlers: recorder.handlers)
            let run = Task { await supervisor.run() }
            defer { run.cancel() }
            let status = try await recorder.wait {
                if case .polling = $0.state { true } else { false }
            }
            guard case .polling(let reason, let retryAt) = status.state else { return }
            #expect(reason.contains("406"))
            #expect(try #require(retryAt).seconds(since: .now()) > 50)
            #expect(server.stats.streamErrorsByCode[406] == 1)
        }
    }

    /// A forced disconnect: the supervisor reconnects, reseeds again and counts the gap.
    @Test func aDisconnectReconnectsAndReseeds() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let recorder = Recorder()
        let supervisor = StreamSupervisor(
            settings: Self.settings(server), symbols: ["AAPL"], clock: ContinuousClock(), handlers: recorder.handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        _ = try await recorder.wait { $0.isStreaming }
        server.setFaults(try FaultSpec.parse("disconnect#1/v2/*"))
        let status = try await recorder.wait { $0.isStreaming && $0.reconnects == 1 }
        #expect(status.reseeds == 2 && status.gaps == 1)
        #expect(recorder.state.withLock { $0.reseeds } == [["AAPL"], ["AAPL"]])
        #expect(server.stats.streamConnections == 2)
    }

    /// A stall (the socket open, no data, a session on) is detected on the injected clock, and the
    /// reconnect reseeds.
    @Test func aStallIsDetectedOnAManualClock() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let clock = ManualClock()
        let recorder = Recorder()
        var settings = Self.settings(server)
        settings.stallAfter = .seconds(5)
        let supervisor = StreamSupervisor(
            settings: settings, symbols: ["AAPL"], clock: clock, handlers: recorder.handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        _ = try await recorder.wait { $0.isStreaming }
        server.setFaults(try FaultSpec.parse("stall:3600#1/v2/*"))
        // Let the stall begin, then move the clock a second at a time.
        try await Task.sleep(for: .milliseconds(1500))
        let stalled = try await recorder.wait(step: { clock.advance(by: .seconds(1)) }) { $0.stalls == 1 }
        #expect(stalled.lastErrorMessage?.contains("stalled") == true)
        let back = try await recorder.wait(step: { clock.advance(by: .milliseconds(100)) }) {
            $0.isStreaming && $0.reconnects == 1
        }
        #expect(back.reseeds == 2)
    }
}

/// Whether a session is on, as a test sets it.
final class SessionFlag: Sendable {
    private let value = Mutex(true)
    var isOn: Bool { value.withLock { $0 } }
    func set(_ on: Bool) { value.withLock { $0 = on } }
}

extension StreamSupervisorTests {
    /// When the session ends the connection closes (not a gap, not a reconnect), and the next
    /// session opens it again and reseeds.
    @Test func theStreamClosesWhenTheSessionEndsAndReopensWithTheNext() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let recorder = Recorder()
        let session = SessionFlag()
        var handlers = recorder.handlers
        handlers.sessionOn = { session.isOn }
        let supervisor = StreamSupervisor(
            settings: Self.settings(server), symbols: ["AAPL"], clock: ContinuousClock(), handlers: handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        _ = try await recorder.wait { $0.isStreaming }
        session.set(false)
        let off = try await recorder.wait { $0.state == .off(reason: "no session") }
        #expect(off.gaps == 0 && off.reconnects == 0 && off.subscribed.isEmpty)
        session.set(true)
        let back = try await recorder.wait { $0.isStreaming && $0.reseeds == 2 }
        #expect(back.gaps == 0 && back.reconnects == 0)
        #expect(server.stats.streamConnections == 2)
    }
}
