import AlpacaSimulator
import Foundation
import MarketMetrics
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// Every stock rule fires on a value the simulator serves over real HTTP, while the control
/// symbol in the same batch passes every rule.
@Suite(.timeLimit(.minutes(1)))
struct StockRuleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var code: FailureCode
        var at: Timestamp = SimulatedUpstream.sessionTime
        var minimumQuality = 40
        /// Builds the override for AAPL from AAPL's clean quote.
        var override: @Sendable (StockQuote, Timestamp) -> QuoteOverride
        var testDescription: String { rule }
    }

    static let cases: [Case] = [
        Case(rule: "V001", code: .dataValidationError) { _, _ in
            .rawSnapshotJSON(#"{"latestQuote":{"bp":1.0,"ap":1.1,"bs":1,"as":1}}"#)
        },
        Case(rule: "V002", code: .dataValidationError) { _, _ in .bidPrice(-1) },
        Case(rule: "V003", code: .dataValidationError) { _, _ in .crossed },
        Case(rule: "V004", code: .dataValidationError) { _, now in
            .rawSnapshotJSON(#"{"latestQuote":{"t":"\#(now.rfc3339)","bp":1.0,"ap":1.1,"bs":-5,"as":1}}"#)
        },
        Case(rule: "V008", code: .dataValidationError) { _, _ in .quoteAge(seconds: -600) },
        Case(rule: "V009", code: .dataValidationError) { _, _ in .quoteAge(seconds: 900) },
        Case(rule: "V010", code: .dataValidationError) { _, now in
            .rawSnapshotJSON(#"{"latestQuote":{"t":"\#(now.rfc3339)","bp":"NaN","ap":1.1,"bs":1,"as":1}}"#)
        },
        Case(rule: "B001", code: .businessRuleViolation) { _, _ in .lastPrice(2_000_000) },
        Case(rule: "B002", code: .businessRuleViolation) { q, _ in .lastPrice(q.previousClose! * 1.8) },
        Case(rule: "B003", code: .businessRuleViolation) { q, _ in .lastPrice(q.dailyBar!.high * 1.05) },
        Case(rule: "B004", code: .businessRuleViolation) { _, now in
            .rawSnapshotJSON(
                #"{"latestTrade":{"t":"\#(now.rfc3339)","p":10.0,"s":1},"dailyBar":{"t":"\#(now.rfc3339)","o":9.0,"h":11.0,"l":9.5,"c":10.0,"v":100}}"#
            )
        },
        Case(rule: "B005", code: .businessRuleViolation) { _, now in
            .rawSnapshotJSON(
                #"{"latestTrade":{"t":"\#(now.rfc3339)","p":10.0,"s":1},"dailyBar":{"t":"\#(now.rfc3339)","o":10.0,"h":11.0,"l":9.5,"c":10.0,"v":100},"minuteBar":{"t":"\#(now.rfc3339)","o":10.0,"h":10.0,"l":10.0,"c":10.0,"v":5000}}"#
            )
        },
        Case(rule: "B008", code: .businessRuleViolation, at: SimulatedUpstream.weekendTime) { _, _ in
            .quoteAge(seconds: 60)
        },
        Case(rule: "Q001", code: .qaError, minimumQuality: 95) { q, _ in .bidPrice(q.askPrice! * 0.9) },
    ]

    @Test(arguments: cases)
    func ruleFiresOnlyForTheBadSymbol(_ testCase: Case) async throws {
        var configuration = PipelineConfiguration()
        configuration.minimumQualityScore = testCase.minimumQuality
        try await PipelineHarness.with(at: testCase.at, configuration: configuration) { harness in
            let clean = try await harness.quotes(["AAPL", "MSFT"])
            let aapl = try #require(clean["AAPL"]?.value?.value, "AAPL passes every rule before the override")
            let msftBefore = try #require(clean["MSFT"]?.value?.value)
            harness.market.setStockOverride("AAPL", testCase.override(aapl, harness.now))
            let results = try await harness.quotes(["AAPL", "MSFT"])
            let failure = try #require(results["AAPL"]?.failure)
            #expect(failure.rule?.rawValue == testCase.rule, "\(failure)")
            #expect(failure.code == testCase.code)
            #expect(failure.symbol == "AAPL")
            #expect(!failure.message.isEmpty)
            #expect(results["MSFT"]?.value?.value == msftBefore, "the control symbol is untouched")
            let records = harness.service.journal.failures
            #expect(records.first?.rule.rawValue == testCase.rule)
            #expect(harness.service.journal.counts[RuleID(rawValue: testCase.rule)] == 1)
        }
    }

    @Test func symbolFormatIsCheckedBeforeSending() async throws {
        // INVALID is well-formed: it is sent, and Alpaca's null for it is DATA_UNAVAILABLE, not V005.
        try await PipelineHarness.with(unknown: ["INVALID"]) { harness in
            let results = try await harness.quotes(["aapl", "MSFT", "INVALID", "BRK.B", "BTC/USD"])
            #expect(results["aapl"]?.failure?.rule?.rawValue == "V005")
            #expect(results["BTC/USD"]?.failure?.rule?.rawValue == "V005")
            let invalid = try #require(results["INVALID"]?.failure)
            #expect(invalid.code == .dataUnavailable)
            #expect(invalid.rule == nil)
            #expect(results["MSFT"]?.value != nil)
            #expect(results["BRK.B"]?.value != nil)
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1)
        }
    }

    @Test func oneBadSymbolCostsOnlyThatSymbol() async throws {
        try await PipelineHarness.with(unknown: ["NULLX"]) { harness in
            let good = ["AAPL", "MSFT", "NVDA", "AMD", "SPY", "QQQ"]
            let clean = try await harness.quotes(good)
            harness.market.setStockOverride(
                "TSLA",
                .rawSnapshotJSON(#"{"latestQuote":{"t":"\#(harness.now.rfc3339)","bp":1,"ap":1e400,"bs":1,"as":1}}"#))
            harness.market.setStockOverride("META", .crossed)
            harness.market.setStockOverride("AMZN", .quoteAge(seconds: 3600))
            let results = try await harness.quotes(good + ["NULLX", "TSLA", "META", "AMZN"])
            #expect(results["NULLX"]?.failure?.code == .dataUnavailable)
            #expect(results["TSLA"]?.failure?.rule?.rawValue == "V010")
            #expect(results["META"]?.failure?.rule?.rawValue == "V003")
            #expect(results["AMZN"]?.failure?.rule?.rawValue == "V009")
            for symbol in good {
                #expect(results[symbol]?.value?.value == clean[symbol]?.value?.value, "\(symbol) intact")
            }
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 2)
        }
    }

    @Test func closedMarketAcceptsTheLastSessionAndRejectsOlder() async throws {
        try await PipelineHarness.with(at: SimulatedUpstream.weekendTime) { harness in
            // Saturday noon: Friday's close is hours old and still fine.
            let results = try await harness.quotes(["AAPL", "MSFT"])
            let aapl = try #require(results["AAPL"]?.value)
            #expect(aapl.enrichment.freshness == .fresh)
            #expect(aapl.enrichment.marketStatus == .closed)
            #expect((aapl.enrichment.dataAgeSeconds ?? 0) > 3600)
            #expect(aapl.enrichment.quality.score >= 90, "no age penalty while closed")
            // Thursday's data on a Saturday is from an older session: stale.
            harness.market.setStockOverride("MSFT", .quoteAge(seconds: 2.5 * 86_400))
            let stale = try await harness.quotes(["MSFT"])
            #expect(stale["MSFT"]?.failure?.rule?.rawValue == "V009")
        }
    }

    @Test func openMarketRejectsAQuoteOlderThanTheLimit() async throws {
        try await PipelineHarness.with { harness in
            harness.market.setStockOverride("AAPL", .quoteAge(seconds: 299))
            let fresh = try await harness.quotes(["AAPL"])
            #expect(fresh["AAPL"]?.value != nil)
            harness.market.setStockOverride("AAPL", .quoteAge(seconds: 301))
            let stale = try await harness.quotes(["AAPL"])
            #expect(stale["AAPL"]?.failure?.rule?.rawValue == "V009")
        }
    }

    @Test func zeroBidIsNoBidNotCorruption() async throws {
        try await PipelineHarness.with { harness in
            harness.market.setStockOverride("AAPL", .bidPrice(0))
            let results = try await harness.quotes(["AAPL"])
            let quote = try #require(results["AAPL"]?.value)
            #expect(quote.value.bidPrice == 0)
            #expect(quote.enrichment.spread == nil)
            #expect(quote.enrichment.midPrice == nil)
            #expect(quote.enrichment.quality.reasons.contains { $0.contains("no bid") })
            #expect(quote.enrichment.quality.score == 70)
        }
    }

    @Test func enrichmentAndDerivedFields() async throws {
        try await PipelineHarness.with { harness in
            let results = try await harness.quotes(["AAPL"])
            let quote = try #require(results["AAPL"]?.value)
            let q = quote.value
            #expect(quote.enrichment.dataSource == .simulator)
            #expect(quote.enrichment.processingTimestamp == harness.now)
            #expect(quote.enrichment.marketStatus == .regular)
            #expect(quote.enrichment.isMarketHours)
            // Derived in the inputs' decimals, without binary-float noise (issue 11, numbers as sent).
            let ask = Decimal(string: "\(q.askPrice!)")!
            let bid = Decimal(string: "\(q.bidPrice!)")!
            #expect(quote.enrichment.spread == Double("\(ask - bid)"))
            #expect(quote.enrichment.midPrice == Double("\((ask + bid) / 2)"))
            #expect(
                quote.enrichment.dataAgeSeconds == Checked.round(harness.now.seconds(since: q.timestamp!), places: 3))
            #expect(quote.delivery == .realTime)
        }
    }

    @Test func stageMetricsCountEachValueAtTheStageThatRejectedIt() async throws {
        try await PipelineHarness.with { harness in
            harness.market.setStockOverride("META", .crossed)
            harness.market.setStockOverride("AMD", .lastPrice(2_000_000))
            _ = try await harness.quotes(["AAPL", "MSFT", "NVDA", "META", "AMD"])
            let stages = Dictionary(
                harness.service.metrics.snapshot().stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(stages["validate"]?.successes == 4)
            #expect(stages["validate"]?.failures == 1)
            #expect(stages["enrich"]?.successes == 4)
            #expect(stages["rules"]?.successes == 3)
            #expect(stages["rules"]?.failures == 1)
            #expect(stages["qa"]?.successes == 3)
            #expect(stages["qa"]?.failures == 0)
            #expect(stages["cache"]?.successes == 3)
            #expect(stages["validate"]?.p50 != nil)
        }
    }
}
