import AlpacaAPI
import AlpacaSimulator
import MarketModel
import SimulatorTestSupport
import Testing

/// Every endpoint the client has, decoded from the simulator over real HTTP.
@Suite(.timeLimit(.minutes(1)))
struct ClientEndpointTests {
    @Test func decodesEveryStockEndpoint() async throws {
        var configuration = SimulatedUpstream.configuration()
        configuration.unknownSymbols = ["ZZZZ"]
        try await SimulatedUpstream.with(configuration) { upstream in
            let client = upstream.client()
            let snapshots = try await client.stockSnapshots(["AAPL", "MSFT", "ZZZZ"])
            #expect(snapshots.requestCount == 1)
            #expect(snapshots.entries["ZZZZ"] == .null)
            let aapl = try #require(snapshots.entries["AAPL"]?.value)
            #expect(aapl.latestQuote?.bidPrice != nil && aapl.latestQuote?.askPrice != nil)
            #expect(aapl.latestTrade?.price != nil)
            #expect(aapl.dailyBar != nil && aapl.previousDailyBar != nil)
            let quotes = try await client.latestStockQuotes(["AAPL", "ZZZZ"])
            #expect(quotes.entries["AAPL"]?.value?.askPrice != nil)
            #expect(quotes.entries["ZZZZ"] == nil)
            #expect(try await client.latestStockTrades(["AAPL"]).entries["AAPL"]?.value?.price != nil)
            #expect(try await client.latestStockBars(["AAPL"]).entries["AAPL"]?.value?.close != nil)
            let bars = try await client.stockBars(
                ["AAPL", "MSFT"], timeframe: "1Day", start: SimulatedUpstream.sessionTime.adding(seconds: -60 * 86_400))
            #expect(bars.entries.count == 2)
            let daily = try #require(bars.entries["AAPL"]?.value)
            #expect(daily.count >= 25)
        }
    }

    @Test func chunksLargeSymbolLists() async throws {
        try await SimulatedUpstream.with { upstream in
            let symbols = Self.symbols(450)
            let result = try await upstream.client().stockSnapshots(symbols)
            #expect(result.requestCount == 3)
            #expect(result.entries.count == 450)
            #expect(result.entries.values.allSatisfy { $0.value != nil })
            #expect(upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 3)
        }
    }

    @Test func followsEveryPageOfFiveDaysOfMinuteBars() async throws {
        try await SimulatedUpstream.with { upstream in
            let client = upstream.client()
            let end = SimulatedUpstream.sessionTime
            let start = end.adding(seconds: -5 * 86_400)
            let all = try await client.stockBars(
                ["AAPL", "MSFT"], timeframe: "1Min", start: start, end: end, pageLimit: 1000)
            let pages = upstream.server.stats.requests(to: "/v2/stocks/bars")
            #expect(pages == all.requestCount)
            #expect(pages >= 3)
            let aapl = try #require(all.entries["AAPL"]?.value)
            let msft = try #require(all.entries["MSFT"]?.value)
            // Thursday 10:15 to Tuesday 10:15: three sessions of 390 minute bars, every bar, in order, no repeats.
            #expect(aapl.count >= 3 * 390)
            #expect(aapl.count == msft.count)
            let times = aapl.compactMap(\.time)
            #expect(times == times.sorted())
            #expect(Set(times).count == times.count)
            // One big page gives exactly the bars the 1000-bar pages reassembled.
            let whole = try await client.stockBars(["AAPL", "MSFT"], timeframe: "1Min", start: start, end: end)
            #expect(whole.requestCount == 1)
            #expect(whole.entries["AAPL"]?.value == aapl)
            #expect(whole.entries["MSFT"]?.value == msft)
            // A total limit stops early, across pages.
            let limited = try await client.stockBars(
                ["AAPL"], timeframe: "1Min", start: start, end: end, limit: 1000, pageLimit: 600)
            #expect(limited.entries["AAPL"]?.value?.compactMap(\.time) == Array(times.prefix(1000)))
        }
    }

    @Test func decodesEveryOptionEndpoint() async throws {
        try await SimulatedUpstream.with { upstream in
            let client = upstream.client()
            let chain = try await client.optionChain("AAPL")
            #expect(chain.entries.count >= 6 * 20 * 2)
            #expect(chain.requestCount >= 1)
            for (symbol, entry) in chain.entries {
                let occ = try #require(OCCSymbol(symbol))
                #expect(occ.root == "AAPL")
                let snapshot = try #require(entry.value)
                #expect(snapshot.latestQuote != nil)
                #expect(snapshot.greeks != nil && snapshot.impliedVolatility != nil)
            }
            let expiries = chain.entries.keys.compactMap { OCCSymbol($0)?.expiration }
            let firstExpiry = try #require(expiries.min())
            let calls = try await client.optionChain(
                "AAPL", filter: OptionChainFilter(type: .call, expirationDate: firstExpiry))
            #expect(!calls.entries.isEmpty)
            #expect(
                calls.entries.keys.allSatisfy {
                    OCCSymbol($0)?.kind == .call && OCCSymbol($0)?.expiration == firstExpiry
                })
            let some = Array(chain.entries.keys.sorted().prefix(150))
            let snapshots = try await client.optionSnapshots(some)
            #expect(snapshots.entries.count == 150)
            #expect(upstream.server.stats.requests(to: "/v1beta1/options/snapshots") >= 2)
            #expect(try await client.latestOptionQuotes(some).entries.count == 150)
            #expect(try await client.latestOptionTrades(Array(some.prefix(10))).entries.count <= 10)
            let today = NewYorkTime(SimulatedUpstream.sessionTime).date
            let contracts = try await client.optionContracts(
                underlyings: ["AAPL"],
                filter: OptionChainFilter(expirationDateGTE: today, expirationDateLTE: today.adding(days: 60)))
            #expect(contracts.entries.count >= 100)
            let contract = try #require(contracts.entries.values.compactMap(\.value).first)
            #expect(contract.openInterest != nil)
            #expect(contract.underlyingSymbol == "AAPL")
            #expect(try await client.optionContract(contract.symbol).symbol == contract.symbol)
        }
    }

    @Test func decodesEveryTradingEndpoint() async throws {
        try await SimulatedUpstream.with { upstream in
            let client = upstream.client()
            let clock = try await client.clock()
            #expect(clock.isOpen)
            #expect(
                clock.timestamp == SimulatedUpstream.sessionTime
                    || clock.timestamp.seconds(since: SimulatedUpstream.sessionTime) < 1)
            let days = try await client.calendar(
                start: CalendarDate(iso: "2024-03-01"), end: CalendarDate(iso: "2024-03-31"))
            #expect(days.count >= 20)
            #expect(days.allSatisfy { $0.value != nil })
            let account = try await client.account()
            #expect(account.status == "ACTIVE")
            #expect(account.equity != nil)
            let positions = try await client.positions().compactMap(\.value)
            #expect(positions.contains { $0.assetClass == "us_option" })
            #expect(try await client.orders(status: "all").allSatisfy { $0.value != nil })
            #expect(try await client.assets().allSatisfy { $0.value != nil })
            #expect(try await client.asset("AAPL").symbol == "AAPL")
            let lists = try await client.watchlists().compactMap(\.value)
            let first = try #require(lists.first)
            #expect(try await client.watchlist(id: first.id).assets?.isEmpty == false)
            let missing = await #expect(throws: AlpacaError.self) { _ = try await client.asset("ZZZZ.ZZ.ZZ.Z") }
            #expect(missing?.httpStatus != nil)
        }
    }

    static func symbols(_ count: Int) -> [String] {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return (0..<count).map { i in
            String([letters[i / 676 % 26], letters[i / 26 % 26], letters[i % 26]]) + "X"
        }
    }
}
