public import MarketMetrics
public import MarketModel

/// Evaluates the config file's alert rules against each published snapshot, on validated data
/// only, and reports each crossing once: `firing` when a rule's condition starts to hold,
/// `resolved` when its value is back past the threshold by the rule's hysteresis.
///
/// It reads no clock: every evaluation gets its `now`, so tests drive it on a manual clock.
/// Per-symbol rules with `*` keep one state per watched symbol. Rates (`/min`) are the increase of
/// a total over the last 60 s of evaluations.
public struct AlertEngine: Sendable {
    /// The most events ``recent`` keeps.
    public static let recentCapacity = 50
    /// The window of the per-minute rates.
    public static let rateWindow = 60.0

    private struct Key: Hashable {
        var rule: Int
        var symbol: String?
    }

    private struct Sample {
        var time: Timestamp
        var rejections: [RuleID: Int]
        var rateLimited: Int
    }

    /// The rules, in the config file's order.
    public let rules: [AlertRule]
    private var firing: Set<Key> = []
    private var samples: [Sample] = []
    /// The latest events, newest first (at most ``recentCapacity``).
    public private(set) var recent: [AlertEvent] = []
    /// How many `firing` events there have been (for the bell: it rings when this grows).
    public private(set) var firedCount = 0

    /// Creates an engine with nothing firing.
    public init(rules: [AlertRule]) { self.rules = rules }

    /// How many rule states are firing now.
    public var activeCount: Int { firing.count }

    /// Evaluates every rule once.
    /// - Parameters:
    ///   - market: The snapshot about to be published.
    ///   - metrics: The metrics published with it.
    ///   - openCircuits: The hosts whose circuit breaker is open.
    ///   - now: The evaluation time.
    /// - Returns: The crossings seen, in rule order.
    public mutating func evaluate(
        _ market: DashboardSnapshot, metrics: MetricsSnapshot, openCircuits: [String], now: Timestamp
    ) -> [AlertEvent] {
        let rateLimited = metrics.endpoints.reduce(0) { $0 + $1.rateLimited }
        if samples.isEmpty { samples.append(Sample(time: now, rejections: [:], rateLimited: 0)) }
        samples.append(Sample(time: now, rejections: market.failureCounts, rateLimited: rateLimited))
        // Keep one sample at or before the window's start as the baseline.
        while samples.count > 2, samples[1].time <= now.adding(seconds: -Self.rateWindow) { samples.removeFirst() }
        let baseline = samples[0]

        var events: [AlertEvent] = []
        for (index, rule) in rules.enumerated() {
            for (symbol, value) in values(of: rule, market, baseline, rateLimited, openCircuits, now) {
                let key = Key(rule: index, symbol: symbol)
                let isFiring = firing.contains(key)
                if !isFiring && rule.comparison.holds(value, rule.threshold) {
                    firing.insert(key)
                    firedCount += 1
                    events.append(event(rule, index, .firing, symbol, value, now))
                } else if isFiring && !rule.comparison.holds(value, resolveThreshold(rule)) {
                    firing.remove(key)
                    events.append(event(rule, index, .resolved, symbol, value, now))
                }
            }
        }
        recent = Array((events.reversed() + recent).prefix(Self.recentCapacity))
        return events
    }

    private func event(
        _ rule: AlertRule, _ index: Int, _ state: AlertEvent.State, _ symbol: String?, _ value: Double, _ now: Timestamp
    ) -> AlertEvent {
        AlertEvent(
            rule: rule.text, ruleIndex: index, state: state, symbol: symbol, value: value, threshold: rule.threshold,
            time: now)
    }

    /// The threshold past which a firing rule resolves: shifted back by the hysteresis.
    private func resolveThreshold(_ rule: AlertRule) -> Double {
        rule.comparison.isUpward ? rule.threshold - rule.hysteresis : rule.threshold + rule.hysteresis
    }

    /// The values a rule compares now, by symbol (nil for account-wide rules); a value that is not
    /// known now (no validated quote, a failed refresh) is absent, which leaves its state as it is.
    private func values(
        of rule: AlertRule, _ market: DashboardSnapshot, _ baseline: Sample, _ rateLimited: Int,
        _ openCircuits: [String], _ now: Timestamp
    ) -> [(String?, Double)] {
        switch rule.subject {
        case .quote(let symbol, let field):
            guard let row = market.watchlist.first(where: { $0.symbol == symbol }), row.failure == nil,
                let quote = row.quote, let value = Self.field(field, of: quote), value.isFinite
            else { return [] }
            return [(symbol, value)]
        case .quality(let symbol):
            return market.quality.compactMap { row in
                guard symbol == nil || row.symbol == symbol, let score = row.current?.score else { return nil }
                return (row.symbol, Double(score))
            }
        case .age(let symbol):
            // Outside the regular session nothing trades: every quote ages, and that is no alert.
            guard market.clock?.isOpen == true else { return [] }
            return market.watchlist.compactMap { row in
                guard symbol == nil || row.symbol == symbol, let time = row.quote?.value.timestamp else { return nil }
                return (row.symbol, max(0, now.seconds(since: time)))
            }
        case .rejectionsPerMinute(let ruleID):
            let total: (([RuleID: Int]) -> Int) = { counts in
                ruleID.map { counts[$0] ?? 0 } ?? counts.values.reduce(0, +)
            }
            return [(nil, Double(max(0, total(market.failureCounts) - total(baseline.rejections))))]
        case .rateLimitedPerMinute:
            return [(nil, Double(max(0, rateLimited - baseline.rateLimited)))]
        case .circuitOpen:
            return [(nil, openCircuits.isEmpty ? 0 : 1)]
        }
    }

    /// A quote field's value, nil when the upstream did not send what it needs.
    static func field(_ field: AlertRule.Field, of quote: ProcessedStockQuote) -> Double? {
        let value = quote.value
        switch field {
        case .last: return value.lastPrice
        case .bid: return value.bidPrice
        case .ask: return value.askPrice
        case .mid: return quote.enrichment.midPrice
        case .spread: return quote.enrichment.spread
        case .volume: return value.volume.map(Double.init)
        case .change:
            guard let last = value.lastPrice, let previous = value.previousClose else { return nil }
            return last - previous
        case .changePercent:
            guard let last = value.lastPrice, let previous = value.previousClose, previous > 0 else { return nil }
            return (last - previous) / previous * 100
        }
    }
}
