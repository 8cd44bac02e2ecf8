/// When and how long to wait before retrying a GET.
///
/// At most `maxAttempts` attempts, only on timeouts, connection errors and HTTP 408, 429, 500,
/// 502, 503, 504; exponential backoff (`base` × 2ⁿ, capped) with equal jitter. Never a retry on
/// 400/401/403/404/422.
public struct RetryPolicy: Sendable {
    /// Total attempts, the first included.
    public var maxAttempts: Int
    /// The first backoff in seconds.
    public var base: Double
    /// The largest backoff in seconds.
    public var cap: Double
    /// A source of uniform random numbers in [0, 1), for jitter.
    public var random: @Sendable () -> Double

    /// Creates a policy (defaults: 3 attempts, 1 s base, 30 s cap).
    public init(
        maxAttempts: Int = 3, base: Double = 1, cap: Double = 30,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = maxAttempts
        self.base = base
        self.cap = cap
        self.random = random
    }

    /// Whether an HTTP status may be retried.
    public static func isRetryable(status: Int) -> Bool {
        [408, 429, 500, 502, 503, 504].contains(status)
    }

    /// The wait before attempt `attempt + 1`, after `attempt` attempts failed (1-based): between
    /// half and all of `min(cap, base × 2^(attempt−1))`.
    public func backoff(afterAttempt attempt: Int) -> Double {
        let exponential = min(cap, base * Double(1 << min(20, max(0, attempt - 1))))
        return exponential / 2 + exponential / 2 * random()
    }
}
