import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import MarketModel
import SimulatorTestSupport
import Testing

/// The simulator's option stream (`/v1beta1/indicative`, MessagePack only): quotes and trades of
/// listed contracts, priced as the REST chain serves them.
@Suite struct OptionStreamServerTests {
    @Test func aSubscribedContractsQuoteIsTheChainSnapshotsQuote() async throws {
        var configuration = SimulatorConfiguration()
        configuration.market = .open
        configuration.clock = .fixed(SimulatedUpstream.sessionTime)
        try await SimulatedUpstream.with(configuration) { upstream in
            let chain = try await upstream.client().optionChain("AAPL", filter: OptionChainFilter())
            let listed = chain.entries.compactMap { key, entry -> (String, WireOptionSnapshot)? in
                guard case .value(let wire) = entry, wire.latestQuote != nil else { return nil }
                return (key, wire)
            }.sorted { $0.0 < $1.0 }
            let (contract, snapshot) = try #require(listed.first)
            let url = StreamServerTests.streamURL(upstream.server, "/v1beta1/indicative")
            try await StreamProbe.with(url: url, framing: .msgpack) { probe in
                try await probe.wait { $0 == .success("connected") }
                try await probe.send(.auth(key: "", secret: ""))
                // Bars are not an option channel: only trades and quotes are echoed.
                try await probe.send(
                    .subscribe(StreamSubscription(trades: [contract], quotes: [contract, "AAPL"], bars: [contract])))
                let (echo, _) = try await probe.wait(StreamServerTests.isSubscription)
                guard case .subscription(let set) = echo else { return }
                #expect(set.quotes == [contract, "AAPL"] && set.trades == [contract] && set.bars.isEmpty)
                let (message, _) = try await probe.wait { $0.symbol == contract && $0.typeCode == "q" }
                guard case .quote(_, let quote) = message else { return }
                #expect(quote == snapshot.latestQuote)
                if let trade = snapshot.latestTrade {
                    let (message, _) = try await probe.wait { $0.symbol == contract && $0.typeCode == "t" }
                    if case .trade(_, let streamed) = message { #expect(streamed == trade) }
                }
                #expect(!probe.messages.contains { $0.symbol == "AAPL" }, "a stock is not on the option stream")
                #expect(!probe.messages.contains { $0.typeCode == "malformed" })
            }
        }
    }
}
