public import MarketModel
import Synchronization

/// The process's pipeline and upstream metrics: cheap to record from any task, copied out as a snapshot.
///
/// Stages, endpoints and connection status each sit behind their own `Mutex`, held only for a few
/// arithmetic operations and never across an `await`. Recording into a stage or endpoint seen before
/// does not allocate; the first record of a new name allocates its histogram once.
public final class MetricsRegistry: Sendable {
    /// The pipeline's stages in order; snapshots list these first, then any others by name.
    public static let pipelineStages = ["validate", "enrich", "derive", "rules", "qa", "cache"]

    private struct Status {
        var rateLimit: RateLimitStatus?
        var hold: RateLimitHold?
        var connection = ConnectionState.unknown
        /// Hosts whose circuit breaker is open now.
        var openCircuits: Set<String> = []
    }

    private let stageOrder: [String]
    private let stages = Mutex<[String: StageRecord]>([:])
    private let endpoints = Mutex<[String: EndpointRecord]>([:])
    private let status = Mutex(Status())
    /// Receives every stage and request measurement as it is recorded (the Prometheus exporter).
    public let observer: (any MetricsObserver)?

    /// Creates an empty registry.
    ///
    /// - Parameters:
    ///   - stageOrder: Stages always listed, in this order, even before their first record.
    ///   - observer: Receives every measurement as it is recorded.
    public init(stageOrder: [String] = MetricsRegistry.pipelineStages, observer: (any MetricsObserver)? = nil) {
        self.stageOrder = stageOrder
        self.observer = observer
    }

    /// Counts one value through a pipeline stage and records how long the stage took.
    ///
    /// - Parameters:
    ///   - name: The stage, for example `validate`.
    ///   - success: Whether the value passed (false: rejected).
    ///   - seconds: The stage's duration.
    public func recordStage(_ name: String, success: Bool, seconds: Double) {
        stages.withLock { stages in
            stages[name, default: StageRecord()].record(success: success, seconds: seconds)
        }
        observer?.stageRecorded(name, successes: success ? 1 : 0, failures: success ? 0 : 1, secondsPerValue: seconds)
    }

    /// Counts a batch that went through one stage, with one latency sample: the batch's time per value.
    ///
    /// - Parameters:
    ///   - name: The stage name.
    ///   - successes: Values that passed.
    ///   - failures: Values that were rejected.
    ///   - secondsPerValue: The batch's duration divided by its size.
    public func recordStageBatch(_ name: String, successes: Int, failures: Int, secondsPerValue: Double) {
        stages.withLock { stages in
            var record = stages[name, default: StageRecord()]
            record.successes += successes
            record.failures += failures
            record.latency.record(seconds: secondsPerValue)
            stages[name] = record
        }
        observer?.stageRecorded(name, successes: successes, failures: failures, secondsPerValue: secondsPerValue)
    }

    /// Counts one upstream request attempt and records its latency.
    ///
    /// A request fails when `status` is nil or 0 (transport failure, counted under status 0), is 400
    /// or more, or when `error` is given (for example an undecodable 200, counted under its status). A 429
    /// also counts into `rateLimited`. A failure updates the last error text and time.
    /// - Parameters:
    ///   - endpoint: The endpoint label, for example `GET /v2/stocks/snapshots`.
    ///   - status: The HTTP status, or nil when no response came.
    ///   - seconds: The request's duration.
    ///   - error: The error text, if the request failed.
    ///   - time: When the request ended, in seconds since the epoch.
    public func recordRequest(endpoint: String, status: Int?, seconds: Double, error: String?, at time: Double) {
        endpoints.withLock { endpoints in
            endpoints[endpoint, default: EndpointRecord()].record(
                status: status, seconds: seconds, error: error, at: time)
        }
        observer?.requestRecorded(endpoint: endpoint, status: status, seconds: seconds)
    }

    /// Stores the rate-limit budget the upstream last reported.
    ///
    /// - Parameters:
    ///   - limit: Requests allowed per window.
    ///   - remaining: Requests left in the window.
    ///   - resetAt: When the window resets, in seconds since the epoch.
    public func updateRateLimit(limit: Int, remaining: Int, resetAt: Double?) {
        status.withLock { $0.rateLimit = RateLimitStatus(limit: limit, remaining: remaining, resetAt: resetAt) }
    }

    /// Stores the hold the rate limiter put on the upstream after a 429.
    ///
    /// - Parameter hold: The hold, with the server's request and the limiter's cap.
    public func updateHold(_ hold: RateLimitHold) {
        status.withLock { $0.hold = hold }
    }

    /// Stores the state of the connection to the upstream.
    ///
    /// - Parameter state: The new state.
    public func setConnection(_ state: ConnectionState) {
        status.withLock { $0.connection = state }
    }

    /// Records whether a host's circuit breaker is open; the connection reads offline while any is.
    ///
    /// Attempts that were already in flight when a breaker opened may still finish and report their
    /// outcome, so the breaker's state is kept apart from the last attempt's.
    /// - Parameters:
    ///   - host: The upstream host.
    ///   - isOpen: Whether its breaker is open (or probing).
    public func setCircuit(host: String, isOpen: Bool) {
        status.withLock { status in
            if isOpen { status.openCircuits.insert(host) } else { status.openCircuits.remove(host) }
        }
    }

    /// The hosts whose circuit breaker is open (or probing) now, sorted.
    public var openCircuitHosts: [String] { status.withLock { $0.openCircuits.sorted() } }

    /// The latency histogram of one stage, if it has been recorded.
    ///
    /// - Parameter name: The stage.
    /// - Returns: A copy of its histogram.
    public func stageLatency(_ name: String) -> LatencyHistogram? {
        stages.withLock { $0[name]?.latency }
    }

    /// The latency histogram of one endpoint, if it has been recorded.
    ///
    /// - Parameter endpoint: The endpoint label.
    /// - Returns: A copy of its histogram.
    public func endpointLatency(_ endpoint: String) -> LatencyHistogram? {
        endpoints.withLock { $0[endpoint]?.latency }
    }

    /// A copy of every metric.
    ///
    /// Stages come in `stageOrder` (all of them, zero until recorded), then any others sorted by
    /// name; endpoints sorted by name. Percentiles are computed outside the locks.
    /// - Returns: The snapshot.
    public func snapshot() -> MetricsSnapshot {
        let stageRecords = stages.withLock { $0 }
        let endpointRecords = endpoints.withLock { $0 }
        let status = status.withLock { $0 }

        var stageMetrics = stageOrder.map { (stageRecords[$0] ?? StageRecord()).metrics(name: $0) }
        let listed = Set(stageOrder)
        for name in stageRecords.keys.filter({ !listed.contains($0) }).sorted() {
            stageMetrics.append(stageRecords[name]!.metrics(name: name))
        }
        let endpointMetrics = endpointRecords.sorted { $0.key < $1.key }.map { $0.value.metrics(name: $0.key) }
        return MetricsSnapshot(
            stages: stageMetrics, endpoints: endpointMetrics, rateLimit: status.rateLimit, hold: status.hold,
            connection: status.openCircuits.isEmpty ? status.connection : .offline)
    }
}
