import DashConfig
import Foundation
import MarketMetrics
import MarketModel
import Pipeline
import Testing

/// Alert rules: the grammar, the config file's errors, and the engine on a manual clock — each
/// crossing reported once each way, with hysteresis, on validated data only.
struct AlertEngineTests {
    static let start = Timestamp(rfc3339: "2026-12-01T15:00:00Z")!
    static let openClock = MarketClock(
        timestamp: start, isOpen: true, nextOpen: start.adding(seconds: 86_400), nextClose: start.adding(seconds: 3600))

    static func quote(
        _ symbol: String, last: Double, previousClose: Double = 100, at time: Timestamp
    )
        -> ProcessedStockQuote
    {
        let bar = { (close: Double) in Bar(time: time, open: close, high: close, low: close, close: close, volume: 1000)
        }
        return ProcessedStockQuote(
            value: StockQuote(
                symbol: symbol, bidPrice: last - 0.01, askPrice: last + 0.01, bidSize: 1, askSize: 1, quoteTime: time,
                lastPrice: last, lastSize: 1, tradeTime: time, dailyBar: bar(last),
                previousDailyBar: bar(previousClose)),
            enrichment: Enrichment(
                dataSource: .simulator, processingTimestamp: time, freshness: .fresh, marketStatus: .regular,
                quality: QualityScore(score: 100, reasons: []), spread: 0.02, midPrice: last, isMarketHours: true,
                dataAgeSeconds: 0),
            delivery: .realTime)
    }

    static func market(
        _ rows: [WatchlistRow], quality: [String: Int] = [:], failures: [RuleID: Int] = [:]
    ) -> DashboardSnapshot {
        DashboardSnapshot(
            origin: .simulated, clock: openClock, watchlist: rows,
            quality: quality.sorted { $0.key < $1.key }.map {
                QualityRow(symbol: $0.key, current: QualityScore(score: $0.value, reasons: []), history: [])
            },
            failureCounts: failures)
    }

    // MARK: Grammar

    @Test func rulesParseIntoTheirSubjectsThresholdsAndHysteresis() throws {
        let last = try AlertRule("AAPL last > 200")
        #expect(last.subject == .quote(symbol: "AAPL", field: .last))
        #expect(last.comparison == .above && last.threshold == 200 && last.hysteresis == 0.2)
        let change = try AlertRule("  spy CHANGE% <= -2  ")
        #expect(change.subject == .quote(symbol: "SPY", field: .changePercent) && change.threshold == -2)
        #expect(change.text == "spy CHANGE% <= -2" && change.hysteresis == 0.1)
        #expect(try AlertRule("quality AAPL < 80").subject == .quality(symbol: "AAPL"))
        #expect(try AlertRule("quality * < 80 ±10").hysteresis == 10)
        let stale = try AlertRule("stale * > 5m")
        #expect(stale.subject == .age(symbol: nil) && stale.threshold == 300)
        #expect(try AlertRule("stale > 90s").subject == .age(symbol: nil))
        let rejections = try AlertRule("rejections v009 > 5/min")
        #expect(rejections.subject == .rejectionsPerMinute(rule: RuleID(rawValue: "V009")) && rejections.threshold == 5)
        #expect(try AlertRule("rejections * >= 1/min").subject == .rejectionsPerMinute(rule: nil))
        #expect(try AlertRule("429s > 3/min").subject == .rateLimitedPerMinute)
        #expect(try AlertRule("circuit open").subject == .circuitOpen)
    }

    @Test func badRulesSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("", "empty"), ("AAPL lst > 200", "unknown field"), ("AAPL last >> 200", "where >, >=, < or <= belongs"),
            ("AAPL last > lots", "not a number"), ("AAPL last > 1e400", "not a number"),
            ("quality AAPL < 101", "outside 0…100"), ("stale * < 60s", "> or >="), ("stale * > soon", "duration"),
            ("rejections V9 > 1/min", "rule id"), ("429s > 3", "N/min"), ("circuit closed", "circuit open"),
            ("aapl! last > 1", "stock symbol"), ("AAPL last > 1 ±-1", "hysteresis"), ("what", "is not a rule"),
            (String(repeating: "A", count: 300), "longer than"),
        ]
        for (text, expected) in cases {
            #expect(throws: AlertRuleError.self, "\(text)") { try AlertRule(text) }
            do {
                _ = try AlertRule(text)
            } catch {
                #expect(error.message.contains(expected), "\(text): \(error.message)")
            }
        }
    }

    @Test func aBadRuleInTheConfigFileIsAnErrorNamingItsIndexAndLine() throws {
        let text = """
            {
              "watchlist": ["AAPL"],
              "alerts": [
                "AAPL last > 200",
                "rejections V009 > 5/min",
                "MSFT lst < 300"
              ]
            }
            """
        #expect(throws: ConfigError.self) { try ConfigFile.parse(Data(text.utf8), path: "/c.json") }
        do {
            _ = try ConfigFile.parse(Data(text.utf8), path: "/c.json")
        } catch {
            #expect(error.message.hasPrefix("alerts[2] (line 6): the rule has an unknown field"), "\(error.message)")
        }
        let good = try ConfigFile.parse(
            Data(#"{"alerts":["AAPL last > 200","rejections V009 > 5/min"],"alert_bell":true}"#.utf8), path: "/c.json")
        #expect(good.alertRules.count == 2 && good.alertBell == true)
    }

    // MARK: Engine

    @Test func aPriceCrossingAndReCrossingFiresOnceEachWayOnAManualClock() throws {
        var engine = AlertEngine(rules: [try AlertRule("AAPL last > 200")])
        var now = Self.start
        var events: [AlertEvent] = []
        // Below, over (fires), hovering inside the hysteresis band (nothing), back under (resolves),
        // over again (fires again).
        for last in [199.0, 199.5, 200.5, 201, 199.9, 200.3, 199.85, 199.7, 205] {
            now = now.adding(seconds: 2)
            let row = WatchlistRow(symbol: "AAPL", quote: Self.quote("AAPL", last: last, at: now))
            events += engine.evaluate(Self.market([row]), metrics: MetricsSnapshot(), openCircuits: [], now: now)
        }
        #expect(events.map(\.state) == [.firing, .resolved, .firing])
        #expect(events.map(\.value) == [200.5, 199.7, 205])
        #expect(events[0].time == Self.start.adding(seconds: 6) && events[0].symbol == "AAPL")
        #expect(engine.activeCount == 1 && engine.firedCount == 2)
        #expect(engine.recent.map(\.value) == [205, 199.7, 200.5])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(events[0].jsonLine.utf8)) as? [String: Any])
        #expect(json["type"] as? String == "alert" && json["state"] as? String == "firing")
        #expect(json["rule"] as? String == "AAPL last > 200" && json["value"] as? Double == 200.5)
    }

    @Test func onlyValidatedDataIsEvaluated() throws {
        var engine = AlertEngine(rules: [try AlertRule("AAPL last > 200")])
        // The last good quote is over the threshold, but the latest refresh failed validation:
        // nothing fires until a validated value arrives.
        let failed = WatchlistRow(
            symbol: "AAPL", quote: Self.quote("AAPL", last: 250, at: Self.start),
            failure: PipelineFailure(code: .dataValidationError, rule: RuleID(rawValue: "V003"), message: "crossed"))
        #expect(
            engine.evaluate(Self.market([failed]), metrics: MetricsSnapshot(), openCircuits: [], now: Self.start)
                .isEmpty)
        #expect(
            engine.evaluate(
                Self.market([WatchlistRow(symbol: "AAPL")]), metrics: MetricsSnapshot(), openCircuits: [],
                now: Self.start
            ).isEmpty)
        let good = WatchlistRow(symbol: "AAPL", quote: Self.quote("AAPL", last: 250, at: Self.start))
        #expect(
            engine.evaluate(Self.market([good]), metrics: MetricsSnapshot(), openCircuits: [], now: Self.start).count
                == 1)
    }

    @Test func wildcardRulesKeepAStatePerSymbolAndAgesCountOnlyInSession() throws {
        var engine = AlertEngine(rules: [try AlertRule("stale * > 60s"), try AlertRule("quality * < 80")])
        let rows = [
            WatchlistRow(symbol: "AAPL", quote: Self.quote("AAPL", last: 1, at: Self.start)),
            WatchlistRow(symbol: "MSFT", quote: Self.quote("MSFT", last: 1, at: Self.start.adding(seconds: 50))),
        ]
        var market = Self.market(rows, quality: ["AAPL": 90, "MSFT": 70])
        let first = engine.evaluate(
            market, metrics: MetricsSnapshot(), openCircuits: [], now: Self.start.adding(seconds: 100))
        #expect(first.map { "\($0.ruleIndex) \($0.symbol ?? "")" } == ["0 AAPL", "1 MSFT"])
        let again = engine.evaluate(
            market, metrics: MetricsSnapshot(), openCircuits: [], now: Self.start.adding(seconds: 120))
        #expect(again.map { "\($0.ruleIndex) \($0.symbol ?? "")" } == ["0 MSFT"])
        // Closed market: ages are not evaluated, so nothing resolves or fires on them.
        market.clock?.isOpen = false
        market.quality = [QualityRow(symbol: "MSFT", current: QualityScore(score: 86, reasons: []), history: [])]
        let closed = engine.evaluate(
            market, metrics: MetricsSnapshot(), openCircuits: [], now: Self.start.adding(seconds: 1000))
        #expect(closed.map { "\($0.state) \($0.symbol ?? "")" } == ["resolved MSFT"])
        #expect(engine.activeCount == 2)
    }

    @Test func ratesCountTheLastMinuteAndCircuitsFollowTheBreakers() throws {
        var engine = AlertEngine(rules: [
            try AlertRule("rejections V009 > 2/min"), try AlertRule("429s >= 2/min"), try AlertRule("circuit open"),
        ])
        func metrics(_ throttled: Int) -> MetricsSnapshot {
            MetricsSnapshot(endpoints: [
                EndpointMetrics(
                    name: "GET /v2/stocks/snapshots", requests: 10, errorsByStatus: [429: throttled],
                    rateLimited: throttled, p50: nil, p99: nil, lastError: nil, lastErrorAt: nil)
            ])
        }
        let v009 = RuleID(rawValue: "V009")
        var states: [String] = []
        // (seconds, V009 total, 429 total, open circuits)
        let steps: [(Double, Int, Int, [String])] = [
            (0, 0, 0, []), (10, 2, 1, []), (20, 3, 2, ["data.alpaca.markets"]), (40, 4, 2, []),
            (60, 4, 2, []), (75, 4, 2, []), (90, 5, 2, []),
        ]
        for (seconds, rejections, throttled, circuits) in steps {
            let events = engine.evaluate(
                Self.market([], failures: [v009: rejections]), metrics: metrics(throttled), openCircuits: circuits,
                now: Self.start.adding(seconds: seconds))
            states += events.map { "\(Int(seconds)) \($0.ruleIndex) \($0.state.rawValue)" }
        }
        // At 20 s: 3 V009s and 2 429s in the last minute, a circuit open. At 75 s the minute since
        // 15 s holds the V009s of 20 s and 40 s (2, not over 2) and one 429: both resolve.
        #expect(
            states == [
                "20 0 firing", "20 1 firing", "20 2 firing", "40 2 resolved", "75 0 resolved", "75 1 resolved",
            ])
    }
}
