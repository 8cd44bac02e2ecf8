public import MarketModel

/// One request budget per API key, shared by every request of a client.
///
/// A token bucket (default 180 requests a minute, bursts of 10) that also follows what the server
/// says: as `X-RateLimit-Remaining` falls below a fifth of the limit it spreads the remaining
/// requests evenly until `X-RateLimit-Reset`, and after a 429 it lets no request reach that host
/// before the reset (or `Retry-After`) plus one second.
///
/// No wait is longer than ``maximumHold``: a `Reset` far in the future (or sent in a unit the
/// headers did not reveal) would otherwise lock a host out for good, since the request whose
/// response would correct it is never sent. A capped hold is reported (`RateLimitHold.isCapped`) so the
/// screen can say so.
public actor RateLimiter {
    /// The longest the limiter holds a host or spaces requests: Alpaca's window is one minute, so
    /// a minute and a half covers any honest `Reset` plus the one-second margin.
    public static let maximumHold: Double = 90

    /// The wall clock and sleeper, injectable for tests.
    public struct Timing: Sendable {
        /// Current time in seconds since the epoch.
        public var now: @Sendable () -> Double
        /// Sleeps for a number of seconds (throws on cancellation).
        public var sleep: @Sendable (Double) async throws -> Void

        /// Creates a timing source.
        public init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (Double) async throws -> Void) {
            self.now = now
            self.sleep = sleep
        }

        /// The system clock.
        public static let system = Timing(
            now: { Double(Timestamp.now().nanoseconds) / 1e9 },
            sleep: { seconds in try await Task.sleep(for: .seconds(seconds)) })
    }

    private let ratePerSecond: Double
    private let burst: Double
    private let timing: Timing
    private var tokens: Double
    private var lastRefill: Double
    private var holds: [String: RateLimitHold] = [:]
    private var serverBudget: (remaining: Int, limit: Int, reset: Double)?
    private var nextPacedSlot: Double = 0
    private let maxInFlight: Int
    private var inFlight = 0
    private var slotWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a limiter.
    /// - Parameters:
    ///   - requestsPerMinute: The sustained rate (default 180, below Alpaca's 200).
    ///   - burst: The most requests sent back to back.
    ///   - maxInFlight: The most requests in flight at once (default 8).
    ///   - timing: Clock and sleeper.
    public init(requestsPerMinute: Int = 180, burst: Int = 10, maxInFlight: Int = 8, timing: Timing = .system) {
        self.maxInFlight = max(1, maxInFlight)
        self.ratePerSecond = Double(max(1, requestsPerMinute)) / 60
        self.burst = Double(max(1, burst))
        self.timing = timing
        self.tokens = Double(max(1, burst))
        self.lastRefill = timing.now()
    }

    /// Waits until a request to `host` may be sent, then takes one token.
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    public func acquire(host: String) async throws {
        while true {
            let now = timing.now()
            refill(now)
            var wait = 0.0
            if let hold = holds[host], hold.until > now { wait = hold.until - now }
            // At least a millisecond: a wait shorter than the clock's resolution (one ulp of the
            // epoch time is 2.4e-7 s) would not move `now`, and the loop would never refill.
            if tokens < 1 { wait = max(wait, (1 - tokens) / ratePerSecond, 0.001) }
            if let paced = pacedDelay(now) { wait = max(wait, paced) }
            if wait <= 0 {
                tokens -= 1
                if serverBudget != nil {
                    nextPacedSlot = max(nextPacedSlot, now) + pacingInterval(now)
                    // Count the request against the server's budget until its next headers arrive.
                    serverBudget!.remaining = max(0, serverBudget!.remaining - 1)
                }
                return
            }
            try await timing.sleep(min(wait, 5))
        }
    }

    /// Waits for one of the `maxInFlight` request slots; pair every call with ``endRequest()``.
    public func beginRequest() async {
        if inFlight < maxInFlight {
            inFlight += 1
            return
        }
        await withCheckedContinuation { slotWaiters.append($0) }
    }

    /// Frees a request slot, handing it straight to the longest waiter if there is one.
    public func endRequest() {
        if slotWaiters.isEmpty {
            inFlight -= 1
        } else {
            slotWaiters.removeFirst().resume()
        }
    }

    /// Requests in flight now.
    public var requestsInFlight: Int { inFlight }

    /// Records the rate-limit headers of a response.
    /// - Returns: The host's hold after a 429 (nil for other statuses).
    @discardableResult
    public func record(_ headers: RateLimitHeaders, status: Int, host: String) -> RateLimitHold? {
        let now = timing.now()
        if let limit = headers.limit, let remaining = headers.remaining, let reset = headers.reset {
            serverBudget = (remaining, limit, reset)
        }
        guard status == 429 else { return nil }
        let requested = (headers.earliestRetry(now: now) ?? now + 60) + 1
        let until = Checked.clamp(requested, to: now...(now + Self.maximumHold))
        let previous = holds[host].flatMap { $0.until > now ? $0 : nil }
        let hold =
            previous.map { $0.until >= until ? $0 : RateLimitHold(until: until, requested: requested) }
            ?? RateLimitHold(until: until, requested: requested)
        holds[host] = hold
        return hold
    }

    /// When `host` may next be sent a request (epoch seconds), if it is blocked after a 429.
    public func blocked(host: String) -> Double? {
        guard let hold = holds[host], hold.until > timing.now() else { return nil }
        return hold.until
    }

    private func refill(_ now: Double) {
        tokens = min(burst, tokens + (now - lastRefill) * ratePerSecond)
        lastRefill = now
    }

    private func pacingInterval(_ now: Double) -> Double {
        guard let budget = serverBudget, budget.reset > now,
            Double(budget.remaining) < Double(budget.limit) * 0.2
        else { return 0 }
        // A reset beyond the cap is not believed: spacing never exceeds the longest hold.
        let reset = min(budget.reset, now + Self.maximumHold)
        return (reset - now) / Double(max(1, budget.remaining))
    }

    private func pacedDelay(_ now: Double) -> Double? {
        guard pacingInterval(now) > 0, nextPacedSlot > now else { return nil }
        return nextPacedSlot - now
    }
}
