/// The running counters of one pipeline stage.
struct StageRecord {
    var successes = 0
    var failures = 0
    var latency = LatencyHistogram()

    mutating func record(success: Bool, seconds: Double) {
        if success { successes += 1 } else { failures += 1 }
        latency.record(seconds: seconds)
    }

    func metrics(name: String) -> StageMetrics {
        StageMetrics(
            name: name, successes: successes, failures: failures, p50: latency.percentile(0.5),
            p99: latency.percentile(0.99))
    }
}
