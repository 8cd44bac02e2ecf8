import AlpacaSimulator
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// Issue 8: values at the ends of their ranges, served over HTTP by the simulator, cost only
/// their own symbol, each rejected with a rule id; nothing traps.
// Serialized: each case starts a simulator; side by side they starve the in-process simulators
// of other suites, which share the test process's two cooperative threads.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HardeningRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var rule: String
        /// The raw snapshot entry for AAPL, given the harness's now (RFC 3339).
        var entry: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "Go's zero time", rule: "V010") { _ in
            #"{"latestQuote":{"t":"0001-01-01T00:00:00Z","bp":1.0,"ap":1.1,"bs":1,"as":1}}"#
        },
        Case(name: "year 9999", rule: "V010") { _ in
            #"{"latestTrade":{"t":"9999-12-31T23:59:59Z","p":10.0,"s":1}}"#
        },
        Case(name: "one nanosecond past 2262-04-11", rule: "V010") { _ in
            #"{"latestTrade":{"t":"2262-04-11T23:47:16.854775808Z","p":10.0,"s":1}}"#
        },
        // Over HTTP a previous close of 1e-300 is now B001 (bar prices are range-checked); B002's
        // message on the same value is checked on the rule engine directly below.
        Case(name: "previous close of 1e-300", rule: "B001") { now in
            #"{"latestTrade":{"t":"\#(now)","p":10.0,"s":1},"prevDailyBar":{"t":"\#(now)","o":1e-300,"h":1e-300,"l":1e-300,"c":1e-300,"v":1}}"#
        },
        Case(name: "a bar price of 1e300", rule: "B001") { now in
            #"{"latestTrade":{"t":"\#(now)","p":10.0,"s":1},"dailyBar":{"t":"\#(now)","o":10,"h":1e300,"l":9,"c":10,"v":1}}"#
        },
        Case(name: "a size of 10^18", rule: "V004") { now in
            #"{"latestQuote":{"t":"\#(now)","bp":1.0,"ap":1.1,"bs":1000000000000000000,"as":1}}"#
        },
        Case(name: "a volume of Int64.max", rule: "V004") { now in
            #"{"latestTrade":{"t":"\#(now)","p":10.0,"s":1},"dailyBar":{"t":"\#(now)","o":10,"h":11,"l":9,"c":10,"v":9223372036854775807}}"#
        },
        Case(name: "a size beyond Int64", rule: "V010") { now in
            #"{"latestQuote":{"t":"\#(now)","bp":1.0,"ap":1.1,"bs":1e30,"as":1}}"#
        },
        Case(name: "a price sent as a string", rule: "V010") { now in
            #"{"latestQuote":{"t":"\#(now)","bp":"189.5","ap":189.6,"bs":1,"as":1}}"#
        },
        Case(name: "a size sent as a string", rule: "V010") { now in
            #"{"latestTrade":{"t":"\#(now)","p":10.0,"s":"100"}}"#
        },
    ]

    @Test(arguments: cases)
    func anOutOfRangeValueCostsOnlyItsSymbol(_ testCase: Case) async throws {
        try await PipelineHarness.with { harness in
            let clean = try await harness.quotes(["AAPL", "MSFT"])
            let msft = try #require(clean["MSFT"]?.value?.value)
            harness.market.setStockOverride("AAPL", .rawSnapshotJSON(testCase.entry(harness.now.rfc3339)))
            let results = try await harness.quotes(["AAPL", "MSFT"])
            let failure = try #require(results["AAPL"]?.failure, "\(String(describing: results["AAPL"]))")
            #expect(failure.rule?.rawValue == testCase.rule, "\(failure)")
            #expect(!failure.message.isEmpty)
            #expect(results["MSFT"]?.value?.value == msft)
            #expect(harness.service.journal.counts[RuleID(rawValue: testCase.rule)] == 1)
        }
    }

    @Test func b002QuotesAnUnboundedMoveWithoutTrapping() throws {
        let now = SimulatedUpstream.sessionTime
        var quote = StockQuote(
            symbol: "AAPL", bidPrice: nil, askPrice: nil, bidSize: nil, askSize: nil, quoteTime: nil, lastPrice: 10,
            lastSize: 1, tradeTime: now)
        quote.previousDailyBar = Bar(time: now, open: 1e-300, high: 1e-300, low: 1e-300, close: 1e-300, volume: 1)
        var configuration = PipelineConfiguration()
        configuration.priceRange = 0...1e9  // let the value reach B002 (B001 would stop it first)
        let context = StageContext(now: now, clock: nil, configuration: configuration)
        let failure = try #require(RuleEngine.check(quote, context: context))
        #expect(failure.rule?.rawValue == "B002")
        #expect(failure.message.contains("e+"), "the move is quoted as a double: \(failure.message)")
    }

    @Test func negativeZeroOnAQuoteSideIsNoBidNotAPrice() async throws {
        try await PipelineHarness.with { harness in
            let now = harness.now.rfc3339
            harness.market.setStockOverride(
                "AAPL",
                .rawSnapshotJSON(
                    #"{"latestQuote":{"t":"\#(now)","bp":-0.0,"ap":190.1,"bs":0,"as":3},"latestTrade":{"t":"\#(now)","p":190.0,"s":1}}"#
                ))
            let quote = try #require(try await harness.quotes(["AAPL"])["AAPL"]?.value?.value)
            let bid = try #require(quote.bidPrice)
            #expect(bid == 0)
            #expect(bid.sign == .plus, "no negative zero is kept, so none is ever printed")
        }
    }

    @Test func extremeGreeksAreRejectedNotRendered() async throws {
        try await PipelineHarness.with { harness in
            let view = try await harness.service.optionChain("AAPL").get()
            let call = try #require(view.rows.last?.call?.contract)
            let now = harness.now.rfc3339
            harness.market.setOptionOverride(
                call.description,
                .rawSnapshotJSON(
                    #"{"latestQuote":{"t":"\#(now)","bp":0.01,"ap":0.02,"bs":1,"as":1},"greeks":{"delta":0.5,"gamma":0.01,"theta":-9.5e14,"vega":0.1,"rho":0.01},"impliedVolatility":0.3}"#
                ))
            let flagged = try await harness.service.optionChain("AAPL", bypassCache: true).get()
            let cell = try #require(
                flagged.rows.flatMap { [$0.call, $0.put] }.compactMap { $0 }.first { $0.contract == call })
            #expect(cell.quote == nil)
            #expect(cell.failure?.rule?.rawValue == "B007")
        }
    }

    @Test func onAMarketHolidayTheLastSessionIsThePreviousTradingDay() async throws {
        // Thursday 2024-07-04, noon in New York: Independence Day, the market is closed all day.
        let holiday = Timestamp(rfc3339: "2024-07-04T16:00:00Z")!
        try await PipelineHarness.with(at: holiday) { harness in
            let results = try await harness.quotes(["AAPL", "MSFT"])
            for symbol in ["AAPL", "MSFT"] {
                #expect(results[symbol]?.value != nil, "\(symbol): \(String(describing: results[symbol]?.failure))")
            }
            let clock = try await harness.service.marketClock().get()
            #expect(!clock.isOpen)
            #expect(clock.calendarSessionOpen == Timestamp(rfc3339: "2024-07-03T13:30:00Z"))
            #expect(harness.upstream.server.stats.requests(to: "/v2/calendar") == 1)
        }
    }

    @Test func theQualityJournalNeverTracksSymbolsNobodyAskedFor() async {
        let journal = PipelineJournal(capacity: 10)
        for i in 0..<2_000 {
            journal.record(
                PipelineFailure(
                    code: .dataValidationError, rule: RuleID(rawValue: "V005"), symbol: "K\(i)", message: "x"),
                at: Timestamp(seconds: 0))
        }
        #expect(journal.trackedSymbolCount == 0)
        for i in 0..<(PipelineJournal.maximumSymbols + 50) {
            journal.record(quality: QualityScore(score: 100, reasons: []), for: "S\(i)")
            // Yield now and then: the in-process simulators of other suites share these threads.
            if i % 500 == 0 { await Task.yield() }
        }
        #expect(journal.trackedSymbolCount == PipelineJournal.maximumSymbols)
        #expect(journal.failures.count == 10)
    }
}
