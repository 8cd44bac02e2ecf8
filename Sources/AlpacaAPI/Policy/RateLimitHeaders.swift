public import HTTPCore

/// The rate-limit state a response reported: `X-RateLimit-Limit/Remaining/Reset` and `Retry-After`.
///
/// Every value is bounded when read: counts are non-negative and below 10^9, `Reset` is a positive
/// epoch time (a value that can only be epoch milliseconds, above 10^11, is read as milliseconds),
/// and `Retry-After` is delta-seconds or an HTTP date. How long a client actually waits is
/// ``RateLimiter``'s business, which caps every wait.
public struct RateLimitHeaders: Sendable, Equatable {
    /// Requests allowed per window.
    public var limit: Int?
    /// Requests left in the window.
    public var remaining: Int?
    /// When the window resets, in seconds since the epoch.
    public var reset: Double?
    /// `Retry-After` in seconds from now (delta form), when sent.
    public var retryAfter: Double?
    /// `Retry-After` as an instant (HTTP-date form), in seconds since the epoch, when sent.
    public var retryAt: Double?

    /// The largest count accepted in `Limit` and `Remaining`.
    public static let maximumCount = 1_000_000_000
    /// Above this a `Reset` can only be milliseconds (10^11 seconds is the year 5138).
    public static let millisecondsThreshold = 1e11

    /// Creates a value.
    public init(
        limit: Int? = nil, remaining: Int? = nil, reset: Double? = nil, retryAfter: Double? = nil,
        retryAt: Double? = nil
    ) {
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.retryAfter = retryAfter
        self.retryAt = retryAt
    }

    /// Reads the headers of a response (names are case-insensitive); malformed values are ignored.
    public init(response: HTTPResponse) {
        func count(_ name: String) -> Int? {
            guard let text = response.header(name), let value = Int(Self.trimmed(text)) else { return nil }
            return (0...Self.maximumCount).contains(value) ? value : nil
        }
        limit = count("x-ratelimit-limit")
        remaining = count("x-ratelimit-remaining")
        reset = response.header("x-ratelimit-reset").flatMap { Self.epochSeconds(Self.trimmed($0)) }
        if let text = response.header("retry-after").map(Self.trimmed) {
            if let delta = Self.deltaSeconds(text) {
                retryAfter = delta
            } else if let date = HTTPDate.parse(text) {
                retryAt = Double(date)
            }
        }
    }

    /// The earliest time (epoch seconds) another request may be sent after a 429, `now` being the current time.
    ///
    /// `Retry-After` is the more specific instruction and wins, unless the window is exhausted
    /// (`Remaining: 0`), in which case nothing may go before the window's `Reset` either.
    public func earliestRetry(now: Double) -> Double? {
        let after = retryAfter.map { now + $0 } ?? retryAt
        if let after {
            if remaining == 0, let reset { return max(after, reset) }
            return after
        }
        return reset
    }

    /// A `Reset` value as epoch seconds: a positive number, read as milliseconds above 10^11.
    static func epochSeconds(_ text: Substring) -> Double? {
        guard text.utf8.count <= 32, let value = Double(text), value.isFinite, value > 0 else { return nil }
        return value > millisecondsThreshold ? value / 1000 : value
    }

    /// Delta-seconds: digits only (RFC 9110), read as seconds; a fraction is tolerated.
    static func deltaSeconds(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 32,
            text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }), let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func trimmed(_ text: String) -> Substring {
        var view = Substring(text)
        while let c = view.first, c == " " || c == "\t" { view.removeFirst() }
        while let c = view.last, c == " " || c == "\t" { view.removeLast() }
        return view
    }
}
