import AlpacaAPI
import AlpacaSimulator
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The watchlist's sparklines: validated daily closes, fetched a request's worth at a time and
/// cached as the historical class.
@Suite(.timeLimit(.minutes(1)))
struct SparklineTests {
    static func tickers(_ count: Int) -> [String] {
        let letters: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return (0..<count).map { (i: Int) -> String in
            let first = letters[i / 676 % 26]
            let second = letters[i / 26 % 26]
            return String([first, second, letters[i % 26]])
        }
    }

    @Test func closesOfManySymbolsComeInChunksAndThenFromTheCache() async throws {
        try await PipelineHarness.with(unknown: ["ZZZZ"]) { harness in
            // Chunks of 20 keep the simulator's work small (it builds every bar it serves).
            var client = AlpacaClient.Configuration(
                hosts: AlpacaHosts(trading: harness.upstream.server.baseURL, data: harness.upstream.server.baseURL))
            client.stockChunkSize = 20
            let service = MarketDataService(
                client: AlpacaClient(configuration: client, transport: harness.upstream.transport),
                now: { harness.now })
            let symbols = Self.tickers(50) + ["ZZZZ", "AAPL250117C00150000"]
            let lines = try await service.sparklines(symbols, days: 30)
            let server = harness.upstream.server
            #expect(server.stats.requests(to: "/v2/stocks/bars") == 3, "51 stock symbols in chunks of 20")
            #expect(lines.count == 50, "the unknown symbol and the option have no line")
            #expect(lines.values.allSatisfy { $0.count == 30 })
            // The closes are the last 30 daily bars the upstream serves, oldest first.
            let start = harness.now.adding(seconds: -55 * 86_400)
            let bars = try await harness.upstream.client().stockBars(["ABC"], timeframe: "1Day", start: start)
            let served = try #require(bars.entries["ABC"]?.value).suffix(30).compactMap(\.close)
            #expect(lines["ABC"] == Array(served))

            let known = symbols.filter { $0 != "ZZZZ" }
            let again = try await service.sparklines(known, days: 30)
            #expect(again == lines)
            #expect(server.stats.requests(to: "/v2/stocks/bars") == 4, "only the check above went upstream again")
            // A symbol without bars has nothing to cache, so it is asked for again (alone).
            _ = try await service.sparklines(symbols, days: 30)
            #expect(server.stats.requests(to: "/v2/stocks/bars") == 5)
        }
    }
}
