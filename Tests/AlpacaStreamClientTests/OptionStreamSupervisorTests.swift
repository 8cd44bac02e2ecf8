import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import CurlTransport
import Foundation
import MarketModel
import SimulatorTestSupport
import Synchronization
import Testing

@testable import AlpacaStreamClient

/// The option stream's supervisor against the simulator: idle with nothing on screen, subscribing
/// the contracts it is given at once (trades and quotes, MessagePack), and unsubscribing them.
@Suite struct OptionStreamSupervisorTests {
    @Test func itStreamsTheContractsItIsGivenAndDropsThemWhenTheyGo() async throws {
        let server = try await StreamSupervisorTests.simulator()
        defer { Task { await server.stop() } }
        let client = AlpacaClient(
            configuration: AlpacaClient.Configuration(
                hosts: AlpacaHosts(trading: server.baseURL, data: server.baseURL)),
            transport: CurlTransport())
        let chain = try await client.optionChain("AAPL", filter: OptionChainFilter())
        let contracts = Array(chain.entries.keys.sorted().prefix(4))
        try #require(contracts.count == 4)
        var settings = StreamSettings.options(
            base: "ws://127.0.0.1:\(server.port)", feed: "indicative", credentials: nil)
        settings.backoffBase = .milliseconds(50)
        #expect(settings.url.hasSuffix("/v1beta1/indicative") && settings.framing == .msgpack)
        let recorder = Recorder()
        let supervisor = StreamSupervisor(
            settings: settings, symbols: [], clock: ContinuousClock(), handlers: recorder.handlers)
        let run = Task { await supervisor.run() }
        defer { run.cancel() }
        _ = try await recorder.wait { $0.state == .off(reason: "nothing to stream") }
        #expect(server.stats.streamConnections == 0, "no chain on screen: no connection")

        // A chain opens: the idle wait ends at once (well inside its 5 s).
        let opened = ContinuousClock.now
        await supervisor.setSymbols(contracts)
        let streaming = try await recorder.wait(timeout: 4) {
            $0.isStreaming && ($0.messagesTotal["q"] ?? 0) >= 4
        }
        #expect(ContinuousClock.now - opened < .seconds(4))
        #expect(streaming.subscribed == contracts)
        #expect(recorder.state.withLock { $0.reseeds } == [contracts])
        #expect(Set(recorder.state.withLock { $0.symbols.keys }) == Set(contracts))

        // The chain closes: everything is unsubscribed.
        await supervisor.setSymbols([])
        _ = try await recorder.wait { $0.subscribed.isEmpty }
        #expect(server.stats.streamConnections == 1)
    }
}
