import AlpacaAPI
import AlpacaSimulator
import FaultInjection
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The simulator's fault layer (issue 9), through the real transport and pipeline: each data
/// kind costs only its symbol and carries the rule the reliability matrix names; transport kinds
/// are retried or not as the client's policy says; faults are counted by kind and deterministic.
// Serialized: each case starts a simulator; side by side they starve the in-process simulators
// of other suites, which share the test process's two cooperative threads.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct FaultLayerTests {
    @Test func theGrammarParsesAndRefusesClearly() throws {
        let spec = try FaultSpec.parse("status:429@0.25/v2/stocks/*,crossed=AAPL,MSFT,stale:60#3,latency~5s,seed=9")
        #expect(spec.seed == 9)
        #expect(spec.rules.count == 4)
        #expect(
            spec.rules[0] == FaultRule(kind: .status(code: 429), trigger: .probability(0.25), pathGlob: "/v2/stocks/*"))
        #expect(spec.rules[1].symbols == ["AAPL", "MSFT"])
        #expect(spec.rules[2] == FaultRule(kind: .stale(seconds: 60), trigger: .count(3)))
        #expect(spec.rules[3].trigger == .duration(seconds: 5))
        #expect(try FaultSpec.parse(spec.description) == spec, "the text form parses back")
        #expect(try FaultSpec.parse("drill").rules.count >= 8)
        for (bad, reason) in [
            ("bogus", "unknown kind"), ("status:200", "status takes"), ("crossed@2", "probability"),
            ("latency#0", "count"), ("AAPL", "must follow"), ("reset=AAPL", "whole responses"),
            ("", "empty"), ("seed=x", "whole number"), ("stale:-1", "stale takes"), ("null=aapl", "not a stock"),
        ] {
            let error = #expect(throws: FaultSpecError.self) { _ = try FaultSpec.parse(bad) }
            #expect(error?.description.contains(reason) == true, "\(bad): \(String(describing: error))")
        }
    }

    @Test func globsMatchPathsWithoutBacktrackingBlowUps() {
        let rule = FaultRule(kind: .reset, pathGlob: "/v2/*/snapshots")
        #expect(rule.matches(path: "/v2/stocks/snapshots"))
        #expect(!rule.matches(path: "/v2/stocks/bars"))
        let nasty = FaultRule(kind: .reset, pathGlob: "/" + String(repeating: "*a", count: 40) + "b")
        #expect(!nasty.matches(path: "/" + String(repeating: "a", count: 5000)))
    }

    struct DataCase: Sendable, CustomTestStringConvertible {
        var spec: String
        var code: FailureCode
        var rule: String?
        var testDescription: String { spec }
    }

    @Test(arguments: [
        DataCase(spec: "null=AAPL", code: .dataUnavailable, rule: nil),  // D1
        DataCase(spec: "string-number=AAPL", code: .dataValidationError, rule: "V010"),  // D2
        DataCase(spec: "nan=AAPL", code: .dataValidationError, rule: "V010"),  // D2
        DataCase(spec: "huge=AAPL", code: .dataValidationError, rule: "V010"),  // D2
        DataCase(spec: "mistyped=AAPL", code: .dataValidationError, rule: "V010"),
        DataCase(spec: "negative=AAPL", code: .dataValidationError, rule: "V002"),  // D4
        DataCase(spec: "crossed=AAPL", code: .dataValidationError, rule: "V003"),  // D4
        DataCase(spec: "zero=AAPL", code: .dataValidationError, rule: "V002"),
        DataCase(spec: "stale:900=AAPL", code: .dataValidationError, rule: "V009"),  // D6
        DataCase(spec: "future:600=AAPL", code: .dataValidationError, rule: "V008"),  // D6
        DataCase(spec: "ancient=AAPL", code: .dataValidationError, rule: "V010"),
        DataCase(spec: "far-future=AAPL", code: .dataValidationError, rule: "V010"),
    ])
    func aDataFaultCostsOnlyItsSymbolWithTheRightRule(_ testCase: DataCase) async throws {
        try await PipelineHarness.with(faults: testCase.spec) { harness in
            let results = try await harness.quotes(["AAPL", "MSFT", "NVDA"])
            let failure = try #require(results["AAPL"]?.failure, "\(String(describing: results["AAPL"]))")
            #expect(failure.code == testCase.code, "\(failure)")
            #expect(failure.rule?.rawValue == testCase.rule, "\(failure)")
            #expect(results["MSFT"]?.value != nil)
            #expect(results["NVDA"]?.value != nil)
            #expect(harness.upstream.server.stats.faultsByKind.values.reduce(0, +) == 1)
        }
    }

    @Test func aLockedQuoteOrAMissingQuoteIsNotARejection() async throws {
        try await PipelineHarness.with(faults: "locked=AAPL,missing=MSFT") { harness in
            let results = try await harness.quotes(["AAPL", "MSFT"])
            let locked = try #require(results["AAPL"]?.value?.value)
            #expect(locked.bidPrice == locked.askPrice)
            // D1: a snapshot without latestQuote keeps its trade and shows no bid or ask.
            let missing = try #require(results["MSFT"]?.value)
            #expect(missing.value.bidPrice == nil && missing.value.lastPrice != nil)
            #expect(missing.enrichment.quality.reasons.contains { $0.contains("no bid or ask") })
        }
    }

    @Test func hostileStringsAndInvalidContractKeysAreContained() async throws {
        try await PipelineHarness.with(faults: "hostile=AAPL,bad-occ@0.2") { harness in
            #expect(try await harness.quotes(["AAPL"])["AAPL"]?.value != nil, "exchange codes are not rule inputs")
            let view = try await harness.service.optionChain("AAPL").get()
            #expect(!view.rows.isEmpty)
            let rejected = harness.service.journal.failures.filter { $0.rule.rawValue == "V005" }
            #expect(!rejected.isEmpty)
            #expect(rejected.allSatisfy { $0.symbol.hasPrefix("NOT-AN-OCC-") })
        }
    }

    @Test func transportFaultsAreRetriedAsThePolicySays() async throws {
        // T4 (truncated, reset), T7 (5xx burst): retried; T8 (401): not.
        for (spec, path, requests) in [
            ("truncate#1/v2/clock", "/v2/clock", 2), ("reset#2/v2/clock", "/v2/clock", 3),
            ("status:503#2/v2/clock", "/v2/clock", 3), ("status:502#1/v2/clock", "/v2/clock", 2),
        ] {
            try await PipelineHarness.with(faults: spec) { harness in
                let clock = try await harness.upstream.client().clock()
                #expect(clock.timestamp == harness.now, "\(spec)")
                #expect(harness.upstream.server.stats.requests(to: path) == requests, "\(spec)")
            }
        }
        try await PipelineHarness.with(faults: "status:401/v2/clock") { harness in
            let error = await #expect(throws: AlpacaError.self) { _ = try await harness.upstream.client().clock() }
            #expect(error?.httpStatus == 401)
            #expect(harness.upstream.server.stats.requests(to: "/v2/clock") == 1)
        }
        try await PipelineHarness.with(faults: "malformed/v2/clock") { harness in
            let error = await #expect(throws: AlpacaError.self) { _ = try await harness.upstream.client().clock() }
            #expect(error?.kind == .decoding)
        }
    }

    @Test(arguments: ["endless-pages", "repeat-token"])
    func endlessAndRepeatingPageTokensAreCutOffByThePageGuard(spec: String) async throws {
        // D9: a page that always says another follows, or names the token it was asked with.
        try await PipelineHarness.with(faults: spec) { harness in
            let client = harness.upstream.client()
            let error = await #expect(throws: AlpacaError.self) { _ = try await client.optionChain("AAPL") }
            #expect(error?.kind == .pagination, "\(String(describing: error))")
            #expect(error?.message.contains("repeated a page token") == true)
            let requests = harness.upstream.server.stats.requests(to: "/v1beta1/options/snapshots/AAPL")
            #expect((2...3).contains(requests), "\(requests) pages")
            #expect(harness.upstream.server.stats.faultsByKind[spec] ?? 0 >= 1)
        }
    }

    @Test(arguments: ["endless-pages", "repeat-token"])
    func barPagesAreGuardedToo(spec: String) async throws {
        // D9 on /v2/stocks/bars: five days of minute bars in pages of 500.
        try await PipelineHarness.with(faults: "\(spec)/v2/stocks/bars") { harness in
            let client = harness.upstream.client()
            let batch = try await client.stockBars(
                ["AAPL"], timeframe: "1Min", start: harness.now.adding(seconds: -5 * 86_400), pageLimit: 500)
            let error = batch.failures["AAPL"]
            #expect(error?.kind == .pagination, "\(String(describing: error))")
            // The real pages (2–3 here), then at most two more before the token repeats.
            let requests = harness.upstream.server.stats.requests(to: "/v2/stocks/bars")
            #expect((2...5).contains(requests), "\(requests) pages")
        }
    }

    @Test func latestQuotesAndTradesCarryDataFaults() async throws {
        try await PipelineHarness.with(faults: "crossed=AAPL,zero=MSFT") { harness in
            let client = harness.upstream.client()
            let quotes = try await client.latestStockQuotes(["AAPL", "NVDA"])
            let crossed = try #require(quotes.entries["AAPL"]?.value)
            #expect((crossed.bidPrice ?? 0) > (crossed.askPrice ?? 0))
            let clean = try #require(quotes.entries["NVDA"]?.value)
            #expect((clean.bidPrice ?? 0) <= (clean.askPrice ?? 0))
            let trades = try await client.latestStockTrades(["MSFT"])
            #expect(trades.entries["MSFT"]?.value?.price == 0)
        }
    }

    @Test func hostileAssetNamesAndErrorMessagesArriveAsAlpacaCouldSendThem() async throws {
        // D10's upstream side: the bytes reach the client unchanged; the screen renders them inert
        // (scripts/e2e.sh, fuzz-sanitizer).
        try await PipelineHarness.with(faults: "hostile=AAPL,hostile-error:422/v2/clock") { harness in
            let client = harness.upstream.client()
            let asset = try await client.asset("AAPL")
            #expect(asset.name?.contains("\u{1B}]0;pwned") == true)
            #expect(try await client.asset("MSFT").name?.contains("\u{1B}") == false)
            let error = await #expect(throws: AlpacaError.self) { _ = try await client.clock() }
            #expect(error?.httpStatus == 422)
            #expect(error?.message.contains("\u{202E}evil") == true)
            #expect(harness.upstream.server.stats.requests(to: "/v2/clock") == 1, "a 422 is not retried")
        }
    }

    @Test func theSameSeedInjectsTheSameFaults() async throws {
        let symbols = (0..<40).map { "S\($0)X" }
        func nulls() async throws -> Set<String> {
            try await PipelineHarness.with(faults: "null@0.5,seed=42") { harness in
                let results = try await harness.quotes(symbols)
                return Set(symbols.filter { results[$0]?.failure?.code == .dataUnavailable })
            }
        }
        let first = try await nulls()
        #expect(first.count > 5 && first.count < 35, "\(first.count) of 40")
        #expect(try await nulls() == first)
    }

    @Test func faultsCanBeReplacedAndRemovedAtRunTime() async throws {
        try await PipelineHarness.with { harness in
            #expect(try await harness.quotes(["AAPL"])["AAPL"]?.value != nil)
            harness.upstream.server.setFaults(try FaultSpec.parse("crossed=AAPL"))
            #expect(try await harness.quotes(["AAPL"])["AAPL"]?.failure?.rule?.rawValue == "V003")
            harness.upstream.server.setFaults(nil)
            #expect(try await harness.quotes(["AAPL"])["AAPL"]?.value != nil)
            #expect(harness.upstream.server.stats.faultsByKind == ["crossed": 1])
        }
    }
}
