public import MarketMetrics
public import MarketModel
import TTLCache

/// One `alpaca-dash health` line: the ops panels' figures summarised, with the change since the
/// previous line, the worst symbols by quality and the last error per endpoint.
public struct HealthSummary: Sendable, Equatable {
    /// How many worst symbols a line names.
    public static let worstCount = 3

    /// When the line was taken.
    public var time: Timestamp
    /// Live or simulated.
    public var origin: DataOrigin
    /// The upstream connection's state (`connected`, `degraded`, `offline`, `unknown`).
    public var connection: String
    /// Whether the market is open, when the clock is known.
    public var marketOpen: Bool?
    /// Requests since start, and since the previous line.
    public var requests: Int
    /// Requests since the previous line.
    public var requestsDelta: Int
    /// Failed requests since start.
    public var errors: Int
    /// 429 responses since start.
    public var rateLimited: Int
    /// The slowest endpoint's median and 99th-percentile latency, in milliseconds.
    public var p50Milliseconds: Double?
    /// The slowest endpoint's 99th-percentile latency, in milliseconds.
    public var p99Milliseconds: Double?
    /// The rate-limit budget, when the upstream sent one.
    public var rateLimitRemaining: Int?
    /// The window's size.
    public var rateLimitLimit: Int?
    /// Rejections since start.
    public var rejections: Int
    /// Rejections since the previous line.
    public var rejectionsDelta: Int
    /// Rejections since start by rule.
    public var rejectionsByRule: [RuleID: Int]
    /// Cache hits and misses over every class.
    public var cacheHits: Int
    /// Cache misses over every class.
    public var cacheMisses: Int
    /// The mean quality score of the scored symbols.
    public var meanQuality: Double?
    /// The worst symbols by quality, worst first.
    public var worst: [(symbol: String, score: Int)]
    /// Watched symbols without a quality score (nothing of theirs passed the pipeline yet).
    public var unscored: [String]
    /// The last error of each endpoint that had one.
    public var lastErrors: [String: String]
    /// Alert states firing now.
    public var activeAlerts: Int

    /// Summarises an update.
    /// - Parameters:
    ///   - update: The newest update.
    ///   - previous: The update of the previous line, for the deltas.
    ///   - time: When the line is taken.
    public init(_ update: DashboardUpdate, previous: DashboardUpdate?, time: Timestamp) {
        self.time = time
        let market = update.market
        let metrics = update.metrics
        origin = market.origin
        connection = metrics.connection.rawValue
        marketOpen = market.clock?.isOpen
        requests = metrics.endpoints.reduce(0) { $0 + $1.requests }
        requestsDelta = requests - (previous?.metrics.endpoints.reduce(0) { $0 + $1.requests } ?? 0)
        errors = metrics.endpoints.reduce(0) { $0 + $1.errors }
        rateLimited = metrics.endpoints.reduce(0) { $0 + $1.rateLimited }
        p50Milliseconds = metrics.endpoints.compactMap(\.p50).max().map { $0 * 1000 }
        p99Milliseconds = metrics.endpoints.compactMap(\.p99).max().map { $0 * 1000 }
        rateLimitRemaining = metrics.rateLimit?.remaining
        rateLimitLimit = metrics.rateLimit?.limit
        rejectionsByRule = market.failureCounts
        rejections = market.failureCounts.values.reduce(0, +)
        rejectionsDelta = rejections - (previous?.market.failureCounts.values.reduce(0, +) ?? 0)
        cacheHits = update.cache.reduce(0) { $0 + $1.stats.hits }
        cacheMisses = update.cache.reduce(0) { $0 + $1.stats.misses }
        let scored = market.quality.compactMap { row in row.current.map { (symbol: row.symbol, score: $0.score) } }
        meanQuality = scored.isEmpty ? nil : Double(scored.reduce(0) { $0 + $1.score }) / Double(scored.count)
        worst = Array(
            scored.sorted { $0.score != $1.score ? $0.score < $1.score : $0.symbol < $1.symbol }.prefix(Self.worstCount)
        )
        unscored = market.quality.filter { $0.current == nil }.map(\.symbol)
        var errorsByEndpoint: [String: String] = [:]
        for endpoint in metrics.endpoints {
            if let error = endpoint.lastError { errorsByEndpoint[endpoint.name] = error }
        }
        lastErrors = errorsByEndpoint
        activeAlerts = market.activeAlertCount
    }

    /// The cache's hit rate over every class, when anything was looked up.
    public var cacheHitRate: Double? {
        let total = cacheHits + cacheMisses
        return total == 0 ? nil : Double(cacheHits) / Double(total)
    }

    /// One JSON line (`"type":"health"`).
    public var jsonLine: String {
        var line = JSONLine()
        line.add("type", "health")
        line.add("ts", time.rfc3339)
        line.add("origin", origin.rawValue)
        line.add("connection", connection)
        line.add("market_open", marketOpen)
        var requestFigures = JSONLine()
        requestFigures.add("total", requests)
        requestFigures.add("since_last", requestsDelta)
        requestFigures.add("errors", errors)
        requestFigures.add("rate_limited", rateLimited)
        requestFigures.add("p50_ms", p50Milliseconds)
        requestFigures.add("p99_ms", p99Milliseconds)
        line.add("requests", object: requestFigures)
        var rate = JSONLine()
        rate.add("remaining", rateLimitRemaining)
        rate.add("limit", rateLimitLimit)
        line.add("rate_limit", object: rate)
        var rejected = JSONLine()
        rejected.add("total", rejections)
        rejected.add("since_last", rejectionsDelta)
        var rules = JSONLine()
        for (rule, count) in rejectionsByRule.sorted(by: { $0.key < $1.key }) { rules.add(rule.rawValue, count) }
        rejected.add("by_rule", object: rules)
        line.add("rejections", object: rejected)
        var cache = JSONLine()
        cache.add("hits", cacheHits)
        cache.add("misses", cacheMisses)
        cache.add("hit_rate", cacheHitRate)
        line.add("cache", object: cache)
        var quality = JSONLine()
        quality.add("mean", meanQuality)
        quality.add(
            "worst",
            objects: worst.map { entry in
                var object = JSONLine()
                object.add("symbol", entry.symbol)
                object.add("score", entry.score)
                return object
            })
        quality.add("unscored", strings: unscored)
        line.add("quality", object: quality)
        var errorsObject = JSONLine()
        for (endpoint, message) in lastErrors.sorted(by: { $0.key < $1.key }) { errorsObject.add(endpoint, message) }
        line.add("last_errors", object: errorsObject)
        line.add("alerts_active", activeAlerts)
        return line.finished()
    }

    /// One line of text.
    public var textLine: String {
        var parts = [time.rfc3339, origin == .simulated ? "SIMULATED" : origin == .livePaper ? "LIVE paper" : "LIVE"]
        parts.append(connection + (marketOpen.map { $0 ? " · market open" : " · market closed" } ?? ""))
        var requestText = "requests \(requests) (+\(requestsDelta)) errors \(errors) 429s \(rateLimited)"
        if let p50Milliseconds, let p99Milliseconds {
            requestText += " p50 \(Checked.wholeText(p50Milliseconds)) ms p99 \(Checked.wholeText(p99Milliseconds)) ms"
        }
        parts.append(requestText)
        if let rateLimitRemaining, let rateLimitLimit { parts.append("rate \(rateLimitRemaining)/\(rateLimitLimit)") }
        let top = rejectionsByRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        parts.append(
            "rejected \(rejections) (+\(rejectionsDelta))"
                + (top.isEmpty ? "" : " " + top.map { "\($0.key.rawValue)×\($0.value)" }.joined(separator: " ")))
        if let rate = cacheHitRate { parts.append("cache \(Checked.wholeText(rate * 100))% hits") }
        if let meanQuality {
            parts.append(
                "quality mean \(Checked.wholeText(meanQuality)) worst "
                    + worst.map { "\($0.symbol) \($0.score)" }.joined(separator: ", "))
        }
        if !unscored.isEmpty { parts.append("no score " + unscored.prefix(10).joined(separator: ", ")) }
        if activeAlerts > 0 { parts.append("⚑ \(activeAlerts) alerts firing") }
        for (endpoint, message) in lastErrors.sorted(by: { $0.key < $1.key }) {
            parts.append("last error \(endpoint): \(String(message.prefix(120)))")
        }
        return parts.joined(separator: " · ") + "\n"
    }

    /// Equal figures.
    public static func == (lhs: HealthSummary, rhs: HealthSummary) -> Bool {
        lhs.jsonLine == rhs.jsonLine
    }
}
