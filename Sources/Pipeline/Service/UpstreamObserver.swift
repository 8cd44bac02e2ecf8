public import AlpacaAPI
public import MarketMetrics
import MarketModel

/// Feeds every HTTP attempt into the metrics registry and the audit trail.
public struct UpstreamObserver: RequestObserver {
    let metrics: MetricsRegistry
    let audit: AuditLog?

    /// Creates an observer.
    public init(metrics: MetricsRegistry, audit: AuditLog?) {
        self.metrics = metrics
        self.audit = audit
    }

    /// Records one attempt.
    public func requestFinished(_ event: RequestEvent) {
        metrics.recordRequest(
            endpoint: event.endpoint, status: event.status, seconds: event.duration, error: event.error,
            at: event.finishedAt.secondsSinceEpoch)
        if let limit = event.rateLimit.limit, let remaining = event.rateLimit.remaining {
            metrics.updateRateLimit(limit: limit, remaining: remaining, resetAt: event.rateLimit.reset)
        }
        if let hold = event.hold { metrics.updateHold(hold) }
        // OFFLINE is the breaker's call (`circuitChanged`); one failed attempt only degrades.
        metrics.setConnection(CircuitBreaker.isHostFailure(status: event.status) ? .degraded : .connected)
        audit?.recordRequest(
            endpoint: event.endpoint, status: event.status, bytes: event.bytes,
            durationMilliseconds: event.duration * 1000, requestID: event.requestID, at: event.finishedAt)
    }

    /// Shows the connection OFFLINE while a host's breaker is open (whatever stragglers report).
    public func circuitChanged(host: String, state: CircuitBreaker.State) {
        metrics.setCircuit(host: host, isOpen: state != .closed)
    }
}
