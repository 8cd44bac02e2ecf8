public import MarketModel

/// A point-in-time copy of every metric, for the cache/pipeline and upstream panels.
public struct MetricsSnapshot: Sendable, Equatable {
    /// Per pipeline stage, in pipeline order.
    public var stages: [StageMetrics]
    /// Per upstream endpoint, sorted by name.
    public var endpoints: [EndpointMetrics]
    /// The rate-limit budget as last reported by the upstream.
    public var rateLimit: RateLimitStatus?
    /// The last hold after a 429, if any (it may be over).
    public var hold: RateLimitHold?
    /// The upstream connection state.
    public var connection: ConnectionState

    /// Creates a snapshot.
    public init(
        stages: [StageMetrics] = [], endpoints: [EndpointMetrics] = [], rateLimit: RateLimitStatus? = nil,
        hold: RateLimitHold? = nil, connection: ConnectionState = .unknown
    ) {
        self.hold = hold
        self.stages = stages
        self.endpoints = endpoints
        self.rateLimit = rateLimit
        self.connection = connection
    }
}

/// Counters and latency of one pipeline stage.
public struct StageMetrics: Sendable, Equatable {
    /// The stage name: `validate`, `enrich`, `derive`, `rules`, `qa`, `cache`.
    public var name: String
    /// Values that passed.
    public var successes: Int
    /// Values that were rejected.
    public var failures: Int
    /// Median duration in seconds, nil before the first sample.
    public var p50: Double?
    /// 99th-percentile duration in seconds.
    public var p99: Double?

    /// Creates stage metrics.
    public init(name: String, successes: Int, failures: Int, p50: Double?, p99: Double?) {
        self.name = name
        self.successes = successes
        self.failures = failures
        self.p50 = p50
        self.p99 = p99
    }
}

/// Counters and latency of one upstream endpoint, such as `GET /v2/stocks/snapshots`.
public struct EndpointMetrics: Sendable, Equatable {
    /// The endpoint label.
    public var name: String
    /// Requests sent (every attempt).
    public var requests: Int
    /// Failed responses by HTTP status; transport failures under status 0.
    public var errorsByStatus: [Int: Int]
    /// HTTP 429 responses.
    public var rateLimited: Int
    /// Median latency in seconds.
    public var p50: Double?
    /// 99th-percentile latency in seconds.
    public var p99: Double?
    /// The last error's text (raw; sanitize before display).
    public var lastError: String?
    /// When the last error happened, in seconds since the epoch.
    public var lastErrorAt: Double?

    /// Creates endpoint metrics.
    public init(
        name: String, requests: Int, errorsByStatus: [Int: Int], rateLimited: Int, p50: Double?, p99: Double?,
        lastError: String?, lastErrorAt: Double?
    ) {
        self.name = name
        self.requests = requests
        self.errorsByStatus = errorsByStatus
        self.rateLimited = rateLimited
        self.p50 = p50
        self.p99 = p99
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }

    /// Total failed responses.
    public var errors: Int { errorsByStatus.values.reduce(0, +) }
}

/// The rate-limit budget from `X-RateLimit-*` headers.
public struct RateLimitStatus: Sendable, Equatable {
    /// Requests allowed per window.
    public var limit: Int
    /// Requests left in the window.
    public var remaining: Int
    /// When the window resets, in seconds since the epoch.
    public var resetAt: Double?

    /// Creates a status.
    public init(limit: Int, remaining: Int, resetAt: Double?) {
        self.limit = limit
        self.remaining = remaining
        self.resetAt = resetAt
    }
}

/// The state of the connection to the upstream.
public enum ConnectionState: String, Sendable, Equatable {
    /// Nothing sent yet.
    case unknown
    /// The last request succeeded.
    case connected
    /// Recent requests failed; retrying.
    case degraded
    /// The upstream kept failing: its circuit breaker is open and calls are paused.
    case offline
}
