public import MarketMetrics
public import MarketModel
import Prometheus
import Synchronization
public import TTLCache

/// The dashboard's figures in the Prometheus text format, through swift-prometheus.
///
/// Counters that the pipeline and client report one by one (requests, rejections, stage values)
/// and histograms (request and stage durations, quality scores) are fed as they happen, as a
/// ``MetricsObserver``. Figures the program keeps as totals (the cache's counters) or as a current
/// state (rate limit, circuits, connection) are copied in at each scrape. Every label set is
/// bounded: endpoints are templates, rules and codes come from the catalogue, classes and states
/// are fixed, and per-symbol series exist only for the first ``maximumSymbols`` symbols scored
/// (the symbols the user asked for).
public final class PrometheusExporter: MetricsObserver {
    /// The most symbols with a quality gauge of their own.
    public static let maximumSymbols = 500

    static let requestBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15]
    static let stageBuckets: [Double] = [1e-6, 5e-6, 1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 5e-3, 1e-2, 5e-2]
    static let qualityBuckets: [Double] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]

    let registry = PrometheusCollectorRegistry()
    /// Each tracked symbol's quality gauge, made once (a registry lookup per score cost more than
    /// the score).
    private let symbols = Mutex<[String: Gauge]>([:])
    private let qualityDistribution: ValueHistogram
    private let circuitHosts = Mutex<Set<String>>([])
    private let scrape = Mutex(())

    /// Creates an exporter with no series yet.
    public init() {
        qualityDistribution = registry.makeValueHistogram(
            descriptor: Self.descriptor("quality_score", nil, "Quality scores computed (0–100)."),
            labels: [], buckets: Self.qualityBuckets)
    }

    static func descriptor(_ name: String, _ unit: String? = nil, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "alpaca_dash", metricName: name, unitName: unit ?? "", helpText: help)
    }

    // MARK: MetricsObserver

    /// Counts the stage's values by outcome and records the batch's duration per value.
    public func stageRecorded(_ name: String, successes: Int, failures: Int, secondsPerValue: Double) {
        let values = Self.descriptor("stage_values", "total", "Values through each pipeline stage, by outcome.")
        if successes > 0 {
            registry.makeCounter(descriptor: values, labels: [("stage", name), ("outcome", "passed")])
                .increment(by: Int64(successes))
        }
        if failures > 0 {
            registry.makeCounter(descriptor: values, labels: [("stage", name), ("outcome", "rejected")])
                .increment(by: Int64(failures))
        }
        let histogram = registry.makeValueHistogram(
            descriptor: Self.descriptor("stage_duration", "seconds", "Time per value in each pipeline stage."),
            labels: [("stage", name)], buckets: Self.stageBuckets)
        guard secondsPerValue.isFinite, secondsPerValue >= 0 else { return }
        // One observation per batch (its time per value): the values are counted above, and one
        // observation per value was five locked records per stream message.
        histogram.record(secondsPerValue)
    }

    /// Counts the attempt by endpoint and status (`none` when no response came), a 429 also as
    /// rate-limited, and records its duration.
    public func requestRecorded(endpoint: String, status: Int?, seconds: Double) {
        let code = status.map(String.init) ?? "none"
        registry.makeCounter(
            descriptor: Self.descriptor(
                "upstream_requests", "total", "Upstream HTTP attempts, by endpoint and status."),
            labels: [("endpoint", endpoint), ("status", code)]
        ).increment()
        if status == 429 {
            registry.makeCounter(
                descriptor: Self.descriptor("upstream_rate_limited", "total", "Upstream 429 responses, by endpoint."),
                labels: [("endpoint", endpoint)]
            ).increment()
        }
        guard seconds.isFinite, seconds >= 0 else { return }
        registry.makeValueHistogram(
            descriptor: Self.descriptor("upstream_request_duration", "seconds", "Upstream attempt durations."),
            labels: [("endpoint", endpoint)], buckets: Self.requestBuckets
        ).record(seconds)
    }

    /// Counts the rejection by code and rule.
    public func rejectionRecorded(rule: String, code: String) {
        registry.makeCounter(
            descriptor: Self.descriptor("rejections", "total", "Values the pipeline rejected, by code and rule."),
            labels: [("code", code), ("rule", rule)]
        ).increment()
    }

    /// Sets the symbol's quality gauge and records the score in the distribution.
    public func qualityRecorded(symbol: String, score: Int) {
        qualitiesRecorded([(symbol, score)])
    }

    /// Records every score in the distribution and sets each symbol's gauge to its latest.
    public func qualitiesRecorded(_ scores: [(symbol: String, score: Int)]) {
        for (_, score) in scores { qualityDistribution.record(Double(score)) }
        symbols.withLock { gauges in
            for (symbol, score) in scores {
                if let gauge = gauges[symbol] {
                    gauge.set(to: Double(score))
                } else if gauges.count < Self.maximumSymbols {
                    let gauge = registry.makeGauge(
                        descriptor: Self.descriptor(
                            "symbol_quality_score", nil, "The latest quality score of each symbol asked for."),
                        labels: [("symbol", symbol)])
                    gauge.set(to: Double(score))
                    gauges[symbol] = gauge
                }
            }
        }
    }

    // MARK: Scrape

    /// The text exposition, with the current state copied in first.
    /// - Parameters:
    ///   - metrics: The registry's snapshot (rate limit, connection).
    ///   - openCircuits: Hosts whose breaker is open now.
    ///   - cache: The cache's counters per data class.
    /// - Returns: The body of `GET /metrics` (Prometheus text format 0.0.4).
    public func exposition(
        metrics: MetricsSnapshot, openCircuits: [String], cache: [CacheClassReport], stream: StreamStatus? = nil,
        tickToPaint: LatencyHistogram? = nil
    ) -> [UInt8] {
        scrape.withLock { _ in
            if let stream { record(stream: stream) }
            if let tickToPaint { record(tickToPaint: tickToPaint) }
            if let rate = metrics.rateLimit {
                gauge("rate_limit_limit", nil, "Requests per window the upstream allows.").set(to: Double(rate.limit))
                gauge("rate_limit_remaining", nil, "Requests left in the upstream's window.")
                    .set(to: Double(rate.remaining))
                if let reset = rate.resetAt {
                    gauge("rate_limit_reset_timestamp", "seconds", "When the upstream's window resets (epoch).")
                        .set(to: reset)
                }
            }
            let hosts = circuitHosts.withLock { set in
                set.formUnion(openCircuits)
                return set
            }
            for host in hosts {
                gauge("circuit_open", nil, "1 while the host's circuit breaker is open.", [("host", host)])
                    .set(to: openCircuits.contains(host) ? 1 : 0)
            }
            for state in ["unknown", "connected", "degraded", "offline"] {
                gauge("connection_state", nil, "1 for the upstream connection's current state.", [("state", state)])
                    .set(to: metrics.connection.rawValue == state ? 1 : 0)
            }
            for report in cache {
                let labels = [("class", report.name)]
                let counts: [(String, String, Int)] = [
                    ("cache_hits", "Cache lookups answered from a live entry.", report.stats.hits),
                    ("cache_misses", "Cache lookups that went upstream.", report.stats.misses),
                    ("cache_expiries", "Cache entries found past their TTL.", report.stats.expiries),
                    ("cache_evictions", "Cache entries removed by the size bound.", report.stats.evictions),
                    ("cache_coalesced", "Cache lookups that joined a fetch in flight.", report.stats.coalesced),
                ]
                for (name, help, value) in counts {
                    // The cache keeps totals: the counter is set to the total (never lower).
                    let counter = registry.makeCounter(
                        descriptor: Self.descriptor(name, "total", help), labels: labels)
                    counter.reset()
                    counter.increment(by: Int64(value))
                }
                gauge("cache_entries", nil, "Entries the cache holds now.", labels).set(
                    to: Double(report.stats.entries))
                gauge("cache_ttl", "seconds", "The TTL in force for the class.", labels).set(to: report.ttlSeconds)
            }
            return registry.emitToBuffer()
        }
    }

    func gauge(_ name: String, _ unit: String?, _ help: String, _ labels: [(String, String)] = []) -> Gauge {
        registry.makeGauge(descriptor: Self.descriptor(name, unit, help), labels: labels)
    }
}
