import AlpacaAPI
import AlpacaSimulator
import Foundation
import MarketModel
import SimulatorTestSupport
import Testing

/// The real binary's headless commands against a simulator over loopback HTTP.
@Suite(.timeLimit(.minutes(2)))
struct HeadlessCommandTests {
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func quoteOf450SymbolsUsesAtMostThreeRequestsOverTwoConnections() async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: .now())) { upstream in
            let symbols = (0..<450).map { i in
                let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                return String([letters[i / 676 % 26], letters[i / 26 % 26], letters[i % 26], "Q"])
            }
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(
                ["quote", "--json", "--data-url", url, "--trading-url", url] + symbols)
            #expect(output.status == 0, "\(output.stderr)")
            let lines = try Self.objects(output.stdout)
            #expect(lines.count == 450)
            #expect(Set(lines.compactMap { $0["symbol"] as? String }) == Set(symbols))
            #expect(lines.allSatisfy { $0["error"] == nil })
            let stats = upstream.server.stats
            #expect(stats.requests(to: "/v2/stocks/snapshots") <= 3)
            #expect(stats.connectionsAccepted <= 2)
        }
    }

    @Test func jsonLinesUseTheSeedsFieldNamesAndNullForMissing() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.unknownSymbols = ["ZZZZ"]
        try await SimulatedUpstream.with(configuration) { upstream in
            upstream.server.market.setStockOverride("MSFT", .crossed)
            // Stamp the lone trade like the simulator's own latest trade, which is valid at any hour.
            let clean = try await upstream.client().stockSnapshots(["NVDA"])
            let time = try #require(clean.entries["NVDA"]?.value?.latestTrade?.time)
            upstream.server.market.setStockOverride(
                "NVDA", .rawSnapshotJSON(#"{"latestTrade":{"t":"\#(time.rfc3339)","p":100.5,"s":10}}"#))
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(
                ["quote", "--json", "--data-url", url, "--trading-url", url, "AAPL", "MSFT", "ZZZZ", "NVDA"])
            #expect(output.status == 3)
            let lines = try Self.objects(output.stdout)
            #expect(lines.map { $0["symbol"] as? String } == ["AAPL", "MSFT", "ZZZZ", "NVDA"])
            let fields = [
                "symbol", "bid_price", "ask_price", "bid_size", "ask_size", "last_price", "volume", "timestamp",
                "spread",
                "mid_price", "is_market_hours", "data_age_seconds", "data_source", "processing_timestamp",
                "market_status", "data_quality_score", "source",
            ]
            for field in fields { #expect(lines[0].keys.contains(field), "\(field)") }
            #expect(lines[0]["data_source"] as? String == "simulator")
            #expect(lines[0]["source"] as? String == "real_time")
            let error = try #require(lines[1]["error"] as? [String: Any])
            #expect(error["code"] as? String == "DATA_VALIDATION_ERROR")
            #expect(error["rule"] as? String == "V003")
            #expect((lines[2]["error"] as? [String: Any])?["code"] as? String == "DATA_UNAVAILABLE")
            // A trade but no quote: bid/ask and the derived fields are null, never 0.
            let nvda = lines[3]
            #expect(nvda["error"] == nil, "\(nvda)")
            #expect(nvda["last_price"] as? Double == 100.5)
            for field in ["bid_price", "ask_price", "spread", "mid_price", "volume"] {
                #expect(nvda[field] is NSNull, "\(field) is null")
            }
        }
    }

    @Test func optionQuoteAndChainAndBarsAndClock() async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: .now())) { upstream in
            let url = upstream.server.baseURL
            let common = ["--json", "--data-url", url, "--trading-url", url]
            let chain = try await BinaryRunner.run(["chain", "AAPL"] + common)
            #expect(chain.status == 0, "\(chain.stderr)")
            let contracts = try Self.objects(chain.stdout)
            #expect(contracts.count >= 40)
            let first = try #require(contracts.first)
            for field in [
                "underlying", "expiration", "type", "strike", "open_interest", "implied_volatility", "delta", "gamma",
                "theta", "vega", "rho",
            ] {
                #expect(first.keys.contains(field), "\(field)")
            }
            let symbol = try #require(first["symbol"] as? String)
            let option = try await BinaryRunner.run(["quote", symbol] + common)
            #expect(option.status == 0)
            #expect(try Self.objects(option.stdout).first?["underlying"] as? String == "AAPL")
            let bars = try await BinaryRunner.run(["bars", "AAPL", "--limit", "5"] + common)
            #expect(bars.status == 0)
            #expect(try Self.objects(bars.stdout).count == 5)
            let clock = try await BinaryRunner.run(["clock"] + common)
            #expect(clock.status == 0)
            #expect(try Self.objects(clock.stdout).first?["is_open"] is Bool)
        }
    }

    @Test func exitStatuses() async throws {
        #expect(try await BinaryRunner.run(["quote"]).status == 2)
        #expect(try await BinaryRunner.run(["quote", "AAPL", "--data-url", "http://example.com"]).status == 2)
        #expect(try await BinaryRunner.run(["bars", "AAPL", "--timeframe", "7Fortnights"]).status == 2)
        #expect(try await BinaryRunner.run(["--help"]).status == 0)
        // Nothing listens on port 1: unreachable.
        let down = try await BinaryRunner.run([
            "quote", "AAPL", "--data-url", "http://127.0.0.1:1", "--trading-url", "http://127.0.0.1:1",
        ])
        #expect(down.status == 4)
        // The dashboard without a terminal refuses with one line and status 2.
        let dashboard = try await BinaryRunner.run(["--demo"], environment: ["TERM": "xterm"])
        #expect(dashboard.status == 2)
        #expect(dashboard.stderr.split(separator: "\n").count == 1)
    }

    @Test func wrongKeysExitFourAndTheSecretNeverAppears() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.keys = SimulatorKeys(id: "PKTEST", secret: "right")
        try await SimulatedUpstream.with(configuration) { upstream in
            let canary = "CANARY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
            let url = upstream.server.baseURL
            for json in [true, false] {
                let output = try await BinaryRunner.run(
                    ["quote", "AAPL", "MSFT", "--data-url", url, "--trading-url", url] + (json ? ["--json"] : []),
                    environment: ["APCA_API_KEY_ID": "PKTEST", "APCA_API_SECRET_KEY": canary])
                #expect(output.status == 4)
                #expect(!output.stdout.contains(canary) && !output.stderr.contains(canary))
                #expect(output.stdout.contains("403"))
            }
        }
    }

    @Test func embeddedSimulatorWithoutKeysIsLabelled() async throws {
        let output = try await BinaryRunner.run(["quote", "AAPL"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("SIMULATED"))
        let json = try await BinaryRunner.run(["quote", "AAPL", "--json"])
        #expect(try Self.objects(json.stdout).first?["data_source"] as? String == "simulator")
    }
}
