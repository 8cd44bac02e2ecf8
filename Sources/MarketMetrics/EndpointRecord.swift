/// The running counters of one upstream endpoint.
struct EndpointRecord {
    var requests = 0
    var errorsByStatus: [Int: Int] = [:]
    var rateLimited = 0
    var latency = LatencyHistogram()
    var lastError: String?
    var lastErrorAt: Double?

    /// Counts one attempt; see `MetricsRegistry.recordRequest(endpoint:status:seconds:error:at:)`.
    mutating func record(status: Int?, seconds: Double, error: String?, at time: Double) {
        requests += 1
        latency.record(seconds: seconds)
        let code = status ?? 0
        if code == 429 { rateLimited += 1 }
        guard code == 0 || code >= 400 || error != nil else { return }
        errorsByStatus[code, default: 0] += 1
        lastError = error ?? (code == 0 ? "transport failure" : "HTTP \(code)")
        lastErrorAt = time
    }

    func metrics(name: String) -> EndpointMetrics {
        EndpointMetrics(
            name: name, requests: requests, errorsByStatus: errorsByStatus, rateLimited: rateLimited,
            p50: latency.percentile(0.5), p99: latency.percentile(0.99), lastError: lastError,
            lastErrorAt: lastErrorAt)
    }
}
