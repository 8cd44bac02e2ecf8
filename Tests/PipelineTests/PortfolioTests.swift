import AlpacaAPI
import AlpacaSimulator
import Foundation
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The Portfolio panel's data: the account, positions and open orders through the real client
/// against the simulator, figures as sent, and the consistency rules P001–P003.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PortfolioTests {
    @Test func theSimulatedAccountArrivesAsSentAndPassesEveryConsistencyRule() async throws {
        try await SimulatedUpstream.with { upstream in
            var configuration = PipelineConfiguration()
            configuration.dataSource = .simulator
            let now = SimulatedUpstream.sessionTime
            let service = MarketDataService(client: upstream.client(), configuration: configuration, now: { now })
            let view = await service.portfolio()
            #expect(view.failure == nil, "\(String(describing: view.failure))")
            let account = try #require(view.account)
            let wire = try await upstream.client().account()
            #expect(account.equity?.text == wire.equity?.text && account.cash?.text == wire.cash?.text)
            #expect(account.status == "ACTIVE" && account.patternDayTrader == false)
            #expect(view.positions.map(\.symbol).prefix(3) == ["AAPL", "MSFT", "SPY"])
            #expect(view.positions.count == 4)
            let option = try #require(view.positions.last)
            #expect(option.assetClass == "us_option" && option.underlying == "AAPL")
            #expect(!view.orders.isEmpty)
            #expect(view.orders.allSatisfy { !["filled", "canceled", "expired"].contains($0.status) })
            // The simulator's book is consistent: no flag, nothing in the journal.
            #expect(view.accountFlags.isEmpty && view.positions.allSatisfy(\.flags.isEmpty))
            #expect(service.journal.counts.isEmpty, "\(service.journal.counts)")
            // Only reads: the trading API saw GETs alone.
            #expect(upstream.server.requests.allSatisfy { $0.method == "GET" })
        }
    }

    @Test func aServedPositionWhosePriceDisagreesWithTheQuoteIsFlaggedWithItsRule() async throws {
        try await SimulatedUpstream.with { upstream in
            var configuration = PipelineConfiguration()
            configuration.dataSource = .simulator
            let now = SimulatedUpstream.sessionTime
            let service = MarketDataService(client: upstream.client(), configuration: configuration, now: { now })
            let quote = try #require(try await service.quotes(["MSFT"]).first?.result.get())
            let ask = try #require(quote.value.askPrice)
            upstream.server.market.setPositionPrice("MSFT", (ask * 1.03 * 100).rounded() / 100)
            let view = await service.portfolio(bypassCache: true)
            let msft = try #require(view.positions.first { $0.symbol == "MSFT" })
            #expect(msft.flags.map(\.rule) == [Rules.positionPrice], "\(msft.flags)")
            let message = try #require(msft.flags.first?.message)
            #expect(message.contains(msft.currentPrice?.text ?? "?") && message.contains("\(ask)"), "\(message)")
            // Only MSFT: the others agree with their quotes, and the flag is counted for ops.
            #expect(view.positions.filter { $0.symbol != "MSFT" }.allSatisfy { $0.flags.isEmpty })
            #expect(service.journal.counts[Rules.positionPrice] == 1)
        }
    }

    static func figure(_ value: Double) -> PortfolioView.Figure { PortfolioView.Figure(text: "\(value)", value: value) }

    static func position(
        _ symbol: String, qty: Double, price: Double, value: Double, side: String = "long", option: Bool = false
    ) -> PortfolioView.Position {
        PortfolioView.Position(
            symbol: symbol, side: side, assetClass: option ? "us_option" : "us_equity", quantity: figure(qty),
            averageEntryPrice: figure(price), currentPrice: figure(price), marketValue: figure(value),
            costBasis: nil, unrealizedPL: nil, unrealizedPLPercent: nil, intradayPL: nil, intradayPLPercent: nil)
    }

    static func quote(_ symbol: String, bid: Double, ask: Double, freshness: Freshness = .fresh) -> ProcessedStockQuote
    {
        ProcessedStockQuote(
            value: StockQuote(symbol: symbol, bidPrice: bid, askPrice: ask, lastPrice: (bid + ask) / 2),
            enrichment: Enrichment(
                dataSource: .simulator, processingTimestamp: SimulatedUpstream.sessionTime, freshness: freshness,
                marketStatus: .regular, quality: QualityScore(score: 100, reasons: []), spread: ask - bid,
                midPrice: (bid + ask) / 2, isMarketHours: true, dataAgeSeconds: 1),
            delivery: .realTime)
    }

    @Test func eachConsistencyRuleFlagsWithBothValuesAndAStalePriceIsMarkedNotRecomputed() {
        let context = StageContext(
            now: SimulatedUpstream.sessionTime, clock: nil, configuration: PipelineConfiguration())
        var view = PortfolioView(
            account: PortfolioView.Account(
                status: "ACTIVE", equity: Self.figure(10_000), lastEquity: Self.figure(9_900), cash: Self.figure(5_000),
                buyingPower: nil, longMarketValue: Self.figure(4_000), shortMarketValue: Self.figure(0),
                patternDayTrader: false, daytradeCount: 0),
            positions: [
                Self.position("AAPL", qty: 10, price: 200, value: 2_000),  // consistent
                Self.position("MSFT", qty: 5, price: 400, value: 2_500),  // P002: 5 × 400 ≠ 2500
                Self.position("NVDA", qty: 3, price: 150, value: 450),  // P001: 150 outside 140–141
                Self.position("SPY", qty: 2, price: 600, value: 1_200),  // stale quote
                Self.position("AAPL250117C00200000", qty: 1, price: 5, value: 500, option: true),  // × 100: consistent
                Self.position("TSLA", qty: 4, price: 300, value: -1_200, side: "short"),  // short: negative value
            ])
        let quotes = [
            "AAPL": Self.quote("AAPL", bid: 199.9, ask: 200.1), "MSFT": Self.quote("MSFT", bid: 399.9, ask: 400.1),
            "NVDA": Self.quote("NVDA", bid: 140, ask: 141),
            "SPY": Self.quote("SPY", bid: 599, ask: 601, freshness: .stale),
        ]
        let flags = MarketDataService.applyConsistencyRules(to: &view, quotes: quotes, context: context)
        #expect(
            flags.map { "\($0.rule?.rawValue ?? "") \($0.symbol ?? "")" } == [
                "P003 account", "P002 MSFT", "P001 NVDA",
            ])
        #expect(flags[0].message.contains("10000") && flags[0].message.contains("9000"))
        #expect(
            flags[2].message.contains("150") && flags[2].message.contains("140") && flags[2].message.contains("141"))
        #expect(view.accountFlags.count == 1)
        #expect(view.positions.map(\.flags.count) == [0, 1, 1, 0, 0, 0])
        #expect(view.positions[3].isStale && view.positions[3].currentPrice?.value == 600, "marked, never recomputed")
    }
}
