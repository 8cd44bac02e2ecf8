import AlpacaSimulator
import HTTPCore
import MarketModel
import Testing

/// Every endpoint's body has the same keys and value types as Alpaca's official example.
struct WireShapeTests {
    static let cases: [(path: String, example: String)] = [
        ("/v2/stocks/snapshots?symbols=AAPL,TSLA", ExampleBodies.stockSnapshots),
        ("/v2/stocks/AAPL/snapshot", ExampleBodies.stockSnapshot),
        ("/v2/stocks/quotes/latest?symbols=AAPL,TSLA", ExampleBodies.latestQuotes),
        ("/v2/stocks/trades/latest?symbols=AAPL", ExampleBodies.latestTrades),
        ("/v2/stocks/bars/latest?symbols=AAPL,TSLA", ExampleBodies.latestBars),
        ("/v2/stocks/bars?symbols=AAPL,TSLA&timeframe=1Min&limit=1&start=2024-03-11", ExampleBodies.barsMulti),
        ("/v2/stocks/AAPL/bars?timeframe=1Min&limit=1&start=2024-03-11", ExampleBodies.barsSingle),
        ("/v1beta1/options/snapshots/AAPL?limit=3", ExampleBodies.optionChain),
        ("/v2/clock", ExampleBodies.clock),
        ("/v2/account", ExampleBodies.account),
        ("/v2/positions/AAPL", ExampleBodies.position),
        ("/v2/watchlists", ExampleBodies.watchlists),
        ("/v2/assets/AAPL", ExampleBodies.asset),
        ("/v2/options/contracts/NOPE240315C00100000", ExampleBodies.contractNotFound),
    ]

    @Test(arguments: 0..<cases.count)
    func bodyMatchesOfficialExampleShape(index: Int) async throws {
        let (path, example) = Self.cases[index]
        try await SimulatorHarness.with { sim in
            let response = try await sim.get(path)
            let body = try AnyJSON.parse(response.body)
            let differences = body.shapeDifferences(from: try AnyJSON.parse(example))
            #expect(differences.isEmpty, "\(path): \(differences)")
            #expect(response.header("content-type")?.hasPrefix("application/json") == true)
        }
    }

    @Test func optionLatestMapsAndOrdersAndWatchlistMatchExamples() async throws {
        try await SimulatorHarness.with { sim in
            let chain = try await sim.json("/v1beta1/options/snapshots/AAPL?limit=2")
            let symbols = chain["snapshots"]!.members.keys.sorted().joined(separator: ",")
            let quotes = try await sim.json("/v1beta1/options/quotes/latest?symbols=\(symbols)")
            #expect(quotes["quotes"]!.members.count == 2)
            #expect(quotes.shapeDifferences(from: try AnyJSON.parse(ExampleBodies.optionLatestQuotes)).isEmpty)
            let trades = try await sim.json("/v1beta1/options/trades/latest?symbols=\(symbols)")
            #expect(trades.shapeDifferences(from: try AnyJSON.parse(ExampleBodies.optionLatestTrades)).isEmpty)
            let orders = try await sim.json("/v2/orders?status=all")
            #expect(orders.items.count == 5)
            for order in orders.items {
                #expect(order.shapeDifferences(from: try AnyJSON.parse(ExampleBodies.order)).isEmpty)
            }
            let lists = try await sim.json("/v2/watchlists")
            let id = lists[0]!["id"]!.string!
            let list = try await sim.json("/v2/watchlists/\(id)")
            #expect(list.shapeDifferences(from: try AnyJSON.parse(ExampleBodies.watchlist)).isEmpty)
            #expect(list["assets"]!.items.count == 8)
        }
    }

    @Test func positionsIncludeOneOptionAndDecimalsAreStrings() async throws {
        try await SimulatorHarness.with { sim in
            let positions = try await sim.json("/v2/positions")
            #expect(positions.items.count == 4)
            #expect(positions.items.filter { $0["asset_class"]?.string == "us_option" }.count == 1)
            for position in positions.items {
                #expect(
                    OCCSymbol(position["symbol"]!.string!) != nil || SymbolFormat.isStock(position["symbol"]!.string!))
                for key in ["qty", "market_value", "cost_basis", "current_price", "avg_entry_price"] {
                    #expect(position[key]?.string != nil, "\(key)")
                }
            }
            let account = try await sim.json("/v2/account")
            #expect(account["equity"]?.string != nil && account["cash"]?.string != nil)
        }
    }

    @Test func marketDataTimestampsAreUTCAndClockCarriesTheNewYorkOffset() async throws {
        try await SimulatorHarness.with { sim in
            let snapshot = try await sim.json("/v2/stocks/AAPL/snapshot")
            let quoteTime = snapshot["latestQuote"]!["t"]!.string!
            #expect(quoteTime.hasSuffix("Z") && Timestamp(rfc3339: quoteTime) != nil)
            #expect(snapshot["dailyBar"]!["t"]!.string == "2024-03-12T04:00:00Z")
            let clock = try await sim.json("/v2/clock")
            #expect(clock["timestamp"]?.string == "2024-03-12T10:15:22.5-04:00")
            #expect(clock["next_close"]?.string == "2024-03-12T16:00:00-04:00")
        }
    }
}
