import DashboardUI
import MarketMetrics
import MarketModel
import TTLCache
import TUICore

/// Hand-written data for snapshot and reducer tests (never shown by the program).
enum Fixtures {
    /// 2024-03-15 10:30:00 in New York.
    static let now = Timestamp(rfc3339: "2024-03-15T14:30:00Z")!

    static func ago(_ seconds: Double) -> Timestamp { now.adding(seconds: -seconds) }

    static func enrichment(
        score: Int, reasons: [String] = [], freshness: Freshness = .fresh, spread: Double? = nil,
        processedAgo: Double = 1
    ) -> Enrichment {
        Enrichment(
            dataSource: .simulator, processingTimestamp: ago(processedAgo), freshness: freshness,
            marketStatus: .regular,
            quality: QualityScore(score: score, reasons: reasons), spread: spread, midPrice: nil, isMarketHours: true,
            dataAgeSeconds: nil)
    }

    static func bar(_ close: Double, low: Double, high: Double, volume: Int64) -> Bar {
        Bar(time: ago(3600), open: close, high: high, low: low, close: close, volume: volume)
    }

    static func stock(
        _ symbol: String, last: Double?, previousClose: Double?, bid: Double?, ask: Double?, volume: Int64?,
        age: Double, score: Int = 100, reasons: [String] = [], freshness: Freshness = .fresh
    ) -> ProcessedStockQuote {
        let quote = StockQuote(
            symbol: symbol, bidPrice: bid, askPrice: ask, bidSize: bid == nil ? nil : 3, askSize: ask == nil ? nil : 2,
            quoteTime: ago(age), lastPrice: last, lastSize: 100, tradeTime: ago(age),
            dailyBar: volume.map { bar(last ?? 0, low: (last ?? 0) * 0.98, high: (last ?? 0) * 1.01, volume: $0) },
            previousDailyBar: previousClose.map { bar($0, low: $0, high: $0, volume: 1) })
        let spread: Double? = (bid ?? 0) > 0 && (ask ?? 0) > 0 ? ask! - bid! : nil
        return ProcessedStockQuote(
            value: quote, enrichment: enrichment(score: score, reasons: reasons, freshness: freshness, spread: spread),
            delivery: .realTime)
    }

    static let watchlist: [WatchlistRow] = [
        WatchlistRow(
            symbol: "AAPL",
            quote: stock(
                "AAPL", last: 187.25, previousClose: 185.5, bid: 187.2, ask: 187.3, volume: 52_345_678, age: 2),
            sparkline: [184, 185, 186, 185.5, 187, 187.25]),
        WatchlistRow(
            symbol: "MSFT",
            quote: stock(
                "MSFT", last: 412.1, previousClose: 415.0, bid: nil, ask: 412.3, volume: 18_000_000, age: 4, score: 70,
                reasons: ["bid missing (-30)"]),
            sparkline: [416, 415, 413, 412.1]),
        WatchlistRow(
            symbol: "TSLA",
            quote: stock(
                "TSLA", last: 170.05, previousClose: 170.05, bid: 0, ask: 170.2, volume: 9_000, age: 420, score: 50,
                reasons: ["age 420s (-50)"], freshness: .stale),
            sparkline: [171, 170, 170.05]),
        WatchlistRow(
            symbol: "ZZZZ",
            failure: PipelineFailure(
                code: .dataValidationError, rule: RuleID(rawValue: "V003"), symbol: "ZZZZ",
                message: "crossed quote: bid 10.5 > ask 10.1")),
        WatchlistRow(
            symbol: "NVDA",
            quote: stock("NVDA", last: 880.5, previousClose: 870.0, bid: 880.4, ask: 880.6, volume: nil, age: 95),
            failure: PipelineFailure(
                code: .upstreamError, symbol: "NVDA", message: "HTTP 503 from upstream", httpStatus: 503)),
        WatchlistRow(symbol: "SPY"),
    ]

    static let expiries = [
        CalendarDate(year: 2024, month: 3, day: 15)!, CalendarDate(year: 2024, month: 3, day: 22)!,
        CalendarDate(year: 2024, month: 3, day: 28)!,
    ]

    static func contract(_ kind: OCCSymbol.Kind, _ strike: Int) -> OCCSymbol {
        OCCSymbol(root: "AAPL", expiration: expiries[1], kind: kind, strikeThousandths: strike)
    }

    static func option(
        _ kind: OCCSymbol.Kind, _ strike: Int, bid: Double?, ask: Double?, delta: Double
    ) -> OptionChainView.Cell {
        let quote = OptionQuote(
            contract: contract(kind, strike), underlying: "AAPL", bidPrice: bid, askPrice: ask, bidSize: 10,
            askSize: 12,
            quoteTime: ago(3), lastPrice: ask, lastSize: 1, volume: 1_250, openInterest: 15_300,
            impliedVolatility: 0.2345,
            greeks: Greeks(delta: delta, gamma: 0.03, theta: -0.05, vega: 0.12, rho: 0.01))
        return OptionChainView.Cell(
            contract: contract(kind, strike),
            quote: ProcessedOptionQuote(value: quote, enrichment: enrichment(score: 95), delivery: .cache))
    }

    static let chain = OptionChainView(
        underlying: "AAPL", underlyingPrice: 187.25, expirations: expiries, selectedExpiration: expiries[1],
        rows: [
            .init(
                strikeThousandths: 180_000, call: option(.call, 180000, bid: 8.1, ask: 8.3, delta: 0.82),
                put: option(.put, 180000, bid: 0.9, ask: 1.0, delta: -0.18)),
            .init(
                strikeThousandths: 185_000, call: option(.call, 185000, bid: 4.2, ask: 4.35, delta: 0.63),
                put: OptionChainView.Cell(
                    contract: contract(.put, 185_000),
                    failure: PipelineFailure(
                        code: .businessRuleViolation, rule: RuleID(rawValue: "B004"), message: "ask below intrinsic"))),
            .init(
                strikeThousandths: 187_500, call: option(.call, 187500, bid: 2.9, ask: 3.05, delta: 0.52),
                put: option(.put, 187500, bid: 2.6, ask: 2.75, delta: -0.48)),
            .init(
                strikeThousandths: 190_000, call: option(.call, 190000, bid: 1.5, ask: 1.6, delta: 0.38),
                put: option(.put, 190000, bid: 4.1, ask: 4.3, delta: -0.62)),
            .init(strikeThousandths: 195_000, call: option(.call, 195000, bid: 0, ask: 0.45, delta: 0.15), put: nil),
        ],
        fetchedAt: ago(3))

    static let failures: [ValidationFailureRecord] = [
        ValidationFailureRecord(
            time: ago(5), symbol: "ZZZZ", rule: RuleID(rawValue: "V003"), code: .dataValidationError,
            message: "crossed quote: bid 10.5 > ask 10.1"),
        ValidationFailureRecord(
            time: ago(65), symbol: "AAPL240322P00185000", rule: RuleID(rawValue: "B004"), code: .businessRuleViolation,
            message: "ask below intrinsic"),
        ValidationFailureRecord(
            time: ago(130), symbol: "EVIL", rule: RuleID(rawValue: "V001"), code: .dataValidationError,
            message: "name \u{1B}]0;PWNED\u{07} \r\u{202E}spoof\u{200B}"),
    ]

    static let market = DashboardSnapshot(
        generation: 42, origin: .simulated,
        clock: MarketClock(
            timestamp: now, isOpen: true, nextOpen: Timestamp(rfc3339: "2024-03-18T13:30:00Z")!,
            nextClose: Timestamp(rfc3339: "2024-03-15T20:00:00Z")!),
        lastSuccessfulRefresh: ago(2), watchlist: watchlist, chain: chain,
        quality: [
            QualityRow(symbol: "AAPL", current: QualityScore(score: 100, reasons: []), history: [100, 100, 90, 100]),
            QualityRow(
                symbol: "MSFT", current: QualityScore(score: 70, reasons: ["bid missing (-30)"]),
                history: [100, 70, 70]),
            QualityRow(
                symbol: "TSLA", current: QualityScore(score: 50, reasons: ["age 420s (-50)"]),
                history: [100, 80, 60, 50]),
            QualityRow(symbol: "ZZZZ", current: nil, history: []),
        ],
        validationFailures: failures,
        failureCounts: [RuleID(rawValue: "V003"): 7, RuleID(rawValue: "B004"): 2, RuleID(rawValue: "V001"): 1])

    static let metrics = MetricsSnapshot(
        stages: [
            StageMetrics(name: "validate", successes: 1_200, failures: 10, p50: 0.000_04, p99: 0.000_3),
            StageMetrics(name: "enrich", successes: 1_190, failures: 0, p50: 0.000_01, p99: 0.000_05),
            StageMetrics(name: "rules", successes: 1_188, failures: 2, p50: nil, p99: nil),
        ],
        endpoints: [
            EndpointMetrics(
                name: "GET /v2/stocks/snapshots", requests: 310, errorsByStatus: [503: 2], rateLimited: 0,
                p50: 0.012, p99: 0.25, lastError: "503 Service Unavailable", lastErrorAt: now.secondsSinceEpoch - 30),
            EndpointMetrics(
                name: "GET /v1beta1/options/snapshots", requests: 40, errorsByStatus: [429: 1], rateLimited: 1,
                p50: 0.045, p99: 1.5, lastError: "too many requests\u{1B}[2J", lastErrorAt: now.secondsSinceEpoch - 200),
            EndpointMetrics(
                name: "GET /v2/clock", requests: 12, errorsByStatus: [:], rateLimited: 0, p50: 0.004, p99: 0.009,
                lastError: nil, lastErrorAt: nil),
        ],
        rateLimit: RateLimitStatus(limit: 200, remaining: 187, resetAt: now.secondsSinceEpoch + 12),
        connection: .connected)

    static let cache = [
        CacheClassReport(
            name: "real-time", ttlSeconds: 30,
            stats: CacheStats(hits: 90, misses: 30, expiries: 4, evictions: 0, entries: 6)),
        CacheClassReport(
            name: "historical", ttlSeconds: 3600,
            stats: CacheStats(hits: 10, misses: 2, expiries: 0, evictions: 0, entries: 6)),
        CacheClassReport(name: "reference", ttlSeconds: 86_400, stats: CacheStats()),
    ]

    static let update = DashboardUpdate(market: market, metrics: metrics, cache: cache)

    /// A state showing the fixture data on a route.
    static func state(_ routes: [Route] = [.watchlist], size: Size = Size(width: 80, height: 24)) -> AppState {
        var state = AppState(size: size)
        _ = DashboardUI.update(&state, .update(update))
        _ = DashboardUI.update(&state, .tick(now: now))
        state.routes = routes
        if routes.contains(.optionChain("AAPL")) { state.chainSymbol = "AAPL" }
        return state
    }
}
