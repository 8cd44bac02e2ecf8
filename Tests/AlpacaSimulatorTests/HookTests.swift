import AlpacaSimulator
import Foundation
import HTTPCore
import MarketModel
import Testing

/// The `SimulatedMarket` test hooks and `/_sim/stats`.
struct HookTests {
    @Test func rawSnapshotJSONIsServedVerbatim() async throws {
        try await SimulatorHarness.with { sim in
            let raw = #"{"latestQuote":{"ap":"NaN","bp":1e400},"extra":[1,2]}"#
            sim.server.market.setStockOverride("AAPL", .rawSnapshotJSON(raw))
            let multi = try await sim.get("/v2/stocks/snapshots?symbols=AAPL,MSFT")
            #expect(String(decoding: multi.body, as: UTF8.self).contains(#""AAPL":"# + raw))
            let single = try await sim.get("/v2/stocks/AAPL/snapshot")
            #expect(String(decoding: single.body, as: UTF8.self) == raw)
            sim.server.market.setStockOverride("AAPL", nil)
            #expect(try await sim.json("/v2/stocks/AAPL/snapshot")["symbol"]?.string == "AAPL")
        }
    }

    @Test func quoteOverridesDistortQuotesAndTrades() async throws {
        try await SimulatorHarness.with { sim in
            let market = sim.server.market
            market.setStockOverride("AAPL", .crossed)
            market.setStockOverride("MSFT", .combined([.bidPrice(0), .askPrice(0), .lastPrice(-1)]))
            market.setStockOverride("TSLA", .quoteAge(seconds: 600))
            market.setStockOverride("SPY", .null)
            market.setStockOverride("QQQ", .missingLatestQuote)
            let body = try await sim.json("/v2/stocks/snapshots?symbols=AAPL,MSFT,TSLA,SPY,QQQ")
            let aapl = body["AAPL"]!["latestQuote"]!
            #expect(aapl["bp"]!.number! > aapl["ap"]!.number!)
            #expect(body["MSFT"]!["latestQuote"]!["bp"]?.number == 0)
            #expect(body["MSFT"]!["latestTrade"]!["p"]?.number == -1)
            let age = SimulatorHarness.sessionTime.seconds(
                since: Timestamp(rfc3339: body["TSLA"]!["latestQuote"]!["t"]!.string!)!)
            #expect(abs(age - 600) < 0.001)
            #expect(body["SPY"] == .null)
            #expect(body["QQQ"]!["latestQuote"] == nil && body["QQQ"]!["latestTrade"] != nil)
            let latest = try await sim.json("/v2/stocks/quotes/latest?symbols=SPY,AAPL")
            #expect(Set(latest["quotes"]!.members.keys) == ["AAPL"])
        }
    }

    @Test func optionOverridesReplaceEntriesAndKeys() async throws {
        try await SimulatorHarness.with { sim in
            let chain = try await sim.json("/v1beta1/options/snapshots/AAPL?limit=3")
            let contracts = chain["snapshots"]!.members.keys.sorted()
            let market = sim.server.market
            market.setOptionOverride(contracts[0], .renamedKey("AAPL24031XC0017000"))
            market.setOptionOverride(contracts[1], .rawSnapshotJSON(#"{"greeks":null}"#))
            market.setOptionOverride(contracts[2], .crossed)
            let text = String(
                decoding: try await sim.get("/v1beta1/options/snapshots/AAPL?limit=3").body, as: UTF8.self)
            #expect(text.contains(#""AAPL24031XC0017000":{"#))
            #expect(!text.contains(contracts[0]))
            #expect(text.contains(#""\#(contracts[1])":{"greeks":null}"#))
            let crossed = try AnyJSON.parse(text)["snapshots"]![contracts[2]]!["latestQuote"]!
            #expect(crossed["bp"]!.number! > crossed["ap"]!.number!)
            let bySymbol = try await sim.get("/v1beta1/options/snapshots?symbols=\(contracts[1])")
            #expect(String(decoding: bySymbol.body, as: UTF8.self).contains(#"{"greeks":null}"#))
        }
    }

    @Test func hostileAssetNamesRoundTripAsEscapedJSON() async throws {
        try await SimulatorHarness.with { sim in
            let hostile =
                "Evil\u{1b}]0;pwned\u{07}\u{1b}[2J\r\n\u{202e}Corp\u{200b}" + String(repeating: "x", count: 10_000)
            sim.server.market.setAssetName("EVIL", hostile)
            let response = try await sim.get("/v2/assets/EVIL")
            #expect(!response.body.contains(0x1b))
            #expect(try AnyJSON.parse(response.body)["name"]?.string == hostile)
            let list = try await sim.json("/v2/assets")
            #expect(list.items.contains { $0["symbol"]?.string == "EVIL" && $0["name"]?.string == hostile })
        }
    }

    @Test func scriptedErrorMessagesAreServedUntilCleared() async throws {
        try await SimulatorHarness.with { sim in
            let path = "/v2/stocks/snapshots"
            sim.server.market.setErrorMessage(
                path: path, status: 403, message: "subscription does not permit querying recent SIP data")
            let failed = try await sim.get(path + "?symbols=AAPL")
            #expect(failed.status == 403)
            #expect(
                try AnyJSON.parse(failed.body)
                    == .object([
                        "code": .number(40_310_000),
                        "message": .string("subscription does not permit querying recent SIP data"),
                    ]))
            #expect(sim.header(failed, "x-ratelimit-limit") != nil)
            sim.server.market.setErrorMessage(path: path, status: 403, message: nil)
            #expect(try await sim.get(path + "?symbols=AAPL").status == 200)
            #expect(sim.server.stats.faultsInjected == 1)
        }
    }

    @Test func statsCountRequestsResponsesAndConnectionsExactly() async throws {
        try await SimulatorHarness.with { sim in
            let port = sim.server.port
            let paths = ["/v2/stocks/snapshots?symbols=AAPL", "/v2/stocks/snapshots?symbols=MSFT", "/v2/clock"]
            let responses = try await LoopbackHTTP.getKeepAlive(port: port, paths)
            #expect(responses.map(\.status) == [200, 200, 200])
            _ = try await LoopbackHTTP.get(port: port, "/v2/assets/not-valid")
            var stats = sim.server.stats
            #expect(stats.connectionsAccepted == 2)
            #expect(stats.requests(to: "/v2/stocks/snapshots") == 2)
            #expect(stats.requests(to: "/v2/clock") == 1)
            #expect(stats.requestsTotal == 4)
            #expect(stats.responsesByStatus == [200: 3, 404: 1])
            let served = try await LoopbackHTTP.get(port: port, "/_sim/stats")
            let body = try AnyJSON.parse(served.body)
            #expect(body["connections_accepted"]?.number == 3)
            #expect(body["requests_by_path"]?["/v2/stocks/snapshots"]?.number == 2)
            #expect(body["responses_by_status"]?["404"]?.number == 1)
            #expect(body["requests_total"]?.number == 4)
            #expect(body["faults_injected"]?.number == 0)
            stats = sim.server.stats
            #expect(stats.requestsTotal == 4)
        }
    }
}
