public import MarketModel

/// One HTTP attempt, as reported to a `RequestObserver` (for metrics and the audit trail).
public struct RequestEvent: Sendable, Equatable {
    /// The endpoint label, for example `GET /v2/stocks/snapshots`.
    public var endpoint: String
    /// The attempt number, from 1.
    public var attempt: Int
    /// The HTTP status, nil for a transport failure.
    public var status: Int?
    /// Body bytes received.
    public var bytes: Int
    /// Seconds the attempt took.
    public var duration: Double
    /// `X-Request-ID`, when sent.
    public var requestID: String?
    /// The error text for failed attempts (never holds a credential).
    public var error: String?
    /// When the attempt finished.
    public var finishedAt: Timestamp
    /// The rate-limit headers of the response.
    public var rateLimit: RateLimitHeaders
    /// The host's hold after a 429, as the limiter set it (nil otherwise).
    public var hold: RateLimitHold?

    /// Creates an event.
    public init(
        endpoint: String, attempt: Int, status: Int?, bytes: Int, duration: Double, requestID: String?,
        error: String?, finishedAt: Timestamp, rateLimit: RateLimitHeaders, hold: RateLimitHold? = nil
    ) {
        self.endpoint = endpoint
        self.attempt = attempt
        self.status = status
        self.bytes = bytes
        self.duration = duration
        self.requestID = requestID
        self.error = error
        self.finishedAt = finishedAt
        self.rateLimit = rateLimit
        self.hold = hold
    }
}

/// Receives every HTTP attempt the client makes.
public protocol RequestObserver: Sendable {
    /// Called once per attempt, on the requesting task.
    func requestFinished(_ event: RequestEvent)
    /// Called when a host's circuit breaker changes state (opens, or closes after a good probe).
    func circuitChanged(host: String, state: CircuitBreaker.State)
}

extension RequestObserver {
    /// Ignores breaker changes.
    public func circuitChanged(host: String, state: CircuitBreaker.State) {}
}
