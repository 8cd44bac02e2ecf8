public import HTTPCore

/// The rate-limit state a response reported: `X-RateLimit-Limit/Remaining/Reset` and `Retry-After`.
public struct RateLimitHeaders: Sendable, Equatable {
    /// Requests allowed per window.
    public var limit: Int?
    /// Requests left in the window.
    public var remaining: Int?
    /// When the window resets, in seconds since the epoch.
    public var reset: Double?
    /// `Retry-After` in seconds from now (delta form), when sent.
    public var retryAfter: Double?

    /// Creates a value.
    public init(limit: Int? = nil, remaining: Int? = nil, reset: Double? = nil, retryAfter: Double? = nil) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.retryAfter = retryAfter
    }

    /// Reads the headers of a response (names are case-insensitive); malformed values are ignored.
    public init(response: HTTPResponse) {
        limit = response.header("x-ratelimit-limit").flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        remaining = response.header("x-ratelimit-remaining").flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil }
        reset = response.header("x-ratelimit-reset").flatMap { Double($0) }.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        retryAfter = response.header("retry-after").flatMap { Double($0) }.flatMap {
            $0.isFinite && $0 >= 0 && $0 < 86_400 ? $0 : nil
        }
    }

    /// The earliest time (epoch seconds) another request may be sent after a 429, `now` being the current time.
    ///
    /// `Retry-After` is the more specific instruction and wins, unless the window is exhausted
    /// (`Remaining: 0`), in which case nothing may go before the window's `Reset` either.
    public func earliestRetry(now: Double) -> Double? {
        if let retryAfter {
            let after = now + retryAfter
            if remaining == 0, let reset { return max(after, reset) }
            return after
        }
        return reset
    }
}
