import AlpacaAPI
import Foundation
import MarketModel
import Testing

/// Every official example body decodes, with key values asserted.
struct FixtureDecodingTests {
    @Test func everyExampleFileParses() throws {
        let names = try Fixtures.allFiles()
        #expect(names.count >= 50)
        for name in names {
            #expect(throws: Never.self, "\(name)") { _ = try Fixtures.json(name) }
        }
    }

    @Test func stockSnapshotsMulti() throws {
        let root = try Fixtures.json("stocks_snapshots_multi_AAPL_TSLA.json")
        let aapl = try WireStockSnapshot(json: try #require(root["AAPL"]))
        #expect(aapl.latestQuote?.askPrice == 172.7)
        #expect(aapl.latestQuote?.bidSize == 2)
        #expect(aapl.latestQuote?.conditions == ["R"])
        #expect(aapl.latestQuote?.time == Timestamp(rfc3339: "2022-08-17T10:18:27.052763263Z"))
        #expect(aapl.latestTrade?.conditions == ["@", "T"])
        #expect(aapl.dailyBar?.low == 171.6618)
        #expect(aapl.dailyBar?.volume == 56_457_696)
        let tsla = try WireStockSnapshot(json: try #require(root["TSLA"]))
        #expect(tsla.latestTrade?.price != nil)
    }

    @Test func stockSnapshotSingleAndLatest() throws {
        let single = try Fixtures.json("stocks_snapshot_single_AAPL.json")
        #expect(try single["symbol"]?.string() == "AAPL")
        _ = try WireStockSnapshot(json: single)
        let quote = try Fixtures.json("stocks_latest_quote_single_AAPL.json")
        #expect(try WireQuote(json: try #require(quote["quote"])).askPrice != nil)
        let trade = try Fixtures.json("stocks_latest_trade_single_AAPL.json")
        #expect(try WireTrade(json: try #require(trade["trade"])).price != nil)
        let bar = try Fixtures.json("stocks_latest_bar_single_AAPL.json")
        #expect(try WireBar(json: try #require(bar["bar"])).close != nil)
        for name in ["stocks_latest_quotes_multi_AAPL_TSLA.json"] {
            let map = try #require(try Fixtures.json(name)["quotes"])
            #expect(try map.members().count == 2)
            for (_, q) in try map.members() { #expect(try WireQuote(json: q).bidPrice != nil) }
        }
        let trades = try #require(try Fixtures.json("stocks_latest_trades_AAPL.json")["trades"])
        #expect(try WireTrade(json: try #require(trades["AAPL"])).id != nil)
        let bars = try #require(try Fixtures.json("stocks_latest_bars_multi_AAPL_TSLA.json")["bars"])
        #expect(try bars.members().count == 2)
    }

    @Test func historicalPagesAndNoActiveAsk() throws {
        let bars = try Fixtures.json("stocks_bars_multi_page1.json")
        let aapl = try #require(try bars["bars"]?["AAPL"]?.elements())
        #expect(try WireBar(json: aapl[0]).close == 178.21)
        #expect(try WireBar(json: aapl[0]).tradeCount == 65)
        #expect(try bars["next_page_token"]?.string() == "QUFQTHxNfDIwMjItMDEtMDNUMDk6MDA6MDAuMDAwMDAwMDAwWg==")
        let single = try Fixtures.json("stocks_bars_single_page1.json")
        #expect(try single["bars"]?.elements().isEmpty == false)
        let quotes = try Fixtures.json("stocks_quotes_multi_page1.json")
        let first = try WireQuote(json: try #require(try quotes["quotes"]?["AAPL"]?.elements().first))
        #expect(first.askPrice == 0)
        #expect(first.askExchange == " ")
        let trades = try Fixtures.json("stocks_trades_multi_page1.json")
        #expect(try trades["trades"]?.members().isEmpty == false)
    }

    @Test func optionBodies() throws {
        let chain = try Fixtures.json("option_chain_page1.json")
        let snap = try WireOptionSnapshot(json: try #require(chain["snapshots"]?["AAPL240426C00162500"]))
        #expect(snap.greeks?.delta == 0.7521304109871954)
        #expect(snap.impliedVolatility == 0.3372405712050441)
        #expect(snap.latestQuote?.conditions == ["A"])
        #expect(snap.latestTrade?.conditions == ["I"])
        #expect(try chain["next_page_token"]?.string() == "QUFQTDI0MDYyMTAwMDIyMHwx")
        let snaps = try Fixtures.json("option_snapshots.json")
        for (symbol, value) in try #require(snaps["snapshots"]).members() {
            #expect(OCCSymbol(symbol) != nil)
            _ = try WireOptionSnapshot(json: value)
        }
        let quotes = try #require(try Fixtures.json("option_latest_quotes_multi.json")["quotes"])
        let put = try WireQuote(json: try #require(quotes["AAPL240419P00140000"]))
        #expect(put.askExchange == "w")
        let call = try WireQuote(json: try #require(quotes["AAPL250321C00190000"]))
        #expect(call.conditions == [" "])
        #expect(call.askPrice == 17)
        let trades = try #require(try Fixtures.json("option_latest_trades.json")["trades"])
        for (_, t) in try trades.members() { #expect(try WireTrade(json: t).price != nil) }
        let bars = try #require(try Fixtures.json("option_bars_page1.json")["bars"])
        for (_, list) in try bars.members() { for b in try list.elements() { _ = try WireBar(json: b) } }
        let optTrades = try #require(try Fixtures.json("option_trades_page1.json")["trades"])
        for (_, list) in try optTrades.members() { for t in try list.elements() { _ = try WireTrade(json: t) } }
    }

    @Test func tradingBodies() throws {
        let clock = try WireClock(json: try Fixtures.json("clock.json"))
        #expect(clock.isOpen)
        #expect(clock.timestamp == Timestamp(rfc3339: "2025-06-24T18:15:22Z"))
        #expect(clock.nextClose == Timestamp(rfc3339: "2025-06-24T20:00:00Z"))

        let account = try WireAccount(json: try Fixtures.json("account.json"))
        #expect(account.status == "ACTIVE")
        #expect(account.lastEquity?.text == "122011.09751111286868")
        #expect(account.lastEquity?.value == Decimal(string: "122011.09751111286868"))
        #expect(account.lastEquity?.value.description == "122011.09751111286868")
        #expect(account.optionsTradingLevel == 2)

        for name in ["position_example1.json", "position_example2.json"] {
            let position = try WirePosition(json: try Fixtures.json(name))
            #expect(!position.symbol.isEmpty)
        }
        let equity = try WireOrder(json: try Fixtures.json("order_equity_example.json"))
        #expect(equity.orderClass == "simple" || !equity.orderClass.isEmpty)
        let mleg = try WireOrder(json: try Fixtures.json("order_multileg_option_example.json"))
        #expect(mleg.orderClass == "mleg")
        #expect(mleg.symbol == nil)
        #expect(mleg.legs.count >= 2)
        _ = try WireOrder(json: try Fixtures.json("order_option_example.json"))

        let lists = try Fixtures.json("watchlists.json").elements()
        #expect(try WireWatchlist(json: lists[0]).assets == nil)
        let byID = try WireWatchlist(json: try Fixtures.json("watchlist_by_id.json"))
        #expect(byID.assets != nil)
        let asset = try WireAsset(json: try Fixtures.json("asset_AAPL.json"))
        #expect(asset.symbol == "AAPL")
        #expect(asset.assetClass == "us_equity")
    }

    @Test(arguments: [
        ("error_40410000_option_contract_not_found.json", 40_410_000),
        ("error_42210000_invalid_symbol.json", 42_210_000),
        ("error_40310000_no_available_position.json", 40_310_000),
        ("error_40110000_unauthorized.json", 40_110_000),
        ("error_40310000_forbidden.json", 40_310_000),
        ("error_40010001_failed_to_parse_after.json", 40_010_001),
    ])
    func errorBodies(name: String, code: Int) throws {
        let body = WireErrorBody(body: try Fixtures.bytes(name))
        #expect(body.code == code)
        #expect(body.message?.isEmpty == false)
    }
}
