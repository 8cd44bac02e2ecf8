/// One upstream host's circuit breaker (reliability.md §7): stop calling a host that keeps
/// failing, probe it now and then, and resume when a probe succeeds.
///
/// Closed, it lets every call through and opens after `consecutiveFailures` failures in a row, or
/// when at least `failureRatio` of the last `window` calls failed (once `windowMinimum` calls are
/// in the window). Open, it refuses calls for the open interval, which starts at `openInterval`
/// and doubles after each failed probe up to `maxOpenInterval`. When the interval is over it lets
/// exactly one probe through (half-open): success closes it, failure opens it again.
///
/// A pure value: time is passed in, so tests drive it without waiting.
public struct CircuitBreaker: Sendable, Equatable {
    /// Thresholds and intervals.
    public struct Policy: Sendable, Equatable {
        /// Failures in a row that open the breaker.
        public var consecutiveFailures = 5
        /// The number of recent calls the failure ratio is taken over.
        public var window = 20
        /// The fewest calls in the window before the ratio counts.
        public var windowMinimum = 10
        /// The failure ratio over the window that opens the breaker.
        public var failureRatio = 0.5
        /// Seconds the breaker stays open the first time.
        public var openInterval: Double = 15
        /// The longest open interval, reached by doubling.
        public var maxOpenInterval: Double = 120

        /// Creates the default policy (5 in a row or ≥ 50 % of the last 20, open 15 s doubling to 120 s).
        public init() {}
    }

    /// Where the breaker stands.
    public enum State: Sendable, Equatable {
        /// Calls go through.
        case closed
        /// Calls are refused until `until` (seconds, on the caller's clock).
        case open(until: Double)
        /// One probe is in flight; other calls are refused until it ends.
        case halfOpen
    }

    /// The answer to "may I call now?".
    public enum Permit: Sendable, Equatable {
        /// Go ahead.
        case allowed
        /// Go ahead: this call is the half-open probe, and its outcome decides the state.
        case probe
        /// Do not call; the breaker is open (or probing) until `retryAt`, when known.
        case refused(retryAt: Double?)
    }

    /// The thresholds in force.
    public let policy: Policy
    /// The current state.
    public private(set) var state = State.closed
    private var failuresInARow = 0
    /// Outcomes of the most recent calls, oldest first (true = failure).
    private var recent: [Bool] = []
    private var nextOpenInterval: Double

    /// Whether an attempt's outcome says the host is failing: no response, a 5xx or a 429.
    ///
    /// Any other 4xx is an answer about the request, not about the host's health.
    /// - Parameter status: The HTTP status, or nil when no response came.
    public static func isHostFailure(status: Int?) -> Bool {
        guard let status else { return true }
        return status >= 500 || status == 429
    }

    /// Creates a closed breaker.
    public init(policy: Policy = Policy()) {
        self.policy = policy
        nextOpenInterval = policy.openInterval
    }

    /// Asks to make a call at `now`; moves an open breaker whose interval is over to half-open.
    public mutating func permit(now: Double) -> Permit {
        switch state {
        case .closed:
            return .allowed
        case .open(let until):
            guard now >= until else { return .refused(retryAt: until) }
            state = .halfOpen
            return .probe
        case .halfOpen:
            return .refused(retryAt: nil)
        }
    }

    /// Records the outcome of a call made with `permit`'s leave.
    /// - Parameters:
    ///   - failed: Whether the host failed (no response, 5xx or 429).
    ///   - probe: Whether the call was the half-open probe.
    ///   - now: When it ended.
    public mutating func record(failed: Bool, probe: Bool, now: Double) {
        if probe {
            if failed {
                open(now: now)
            } else {
                close()
            }
            return
        }
        // A call let through before the breaker opened may end after it: it no longer counts.
        guard state == .closed else { return }
        failuresInARow = failed ? failuresInARow + 1 : 0
        recent.append(failed)
        if recent.count > policy.window { recent.removeFirst(recent.count - policy.window) }
        let failures = recent.count(where: { $0 })
        let ratioTripped =
            recent.count >= policy.windowMinimum && Double(failures) >= policy.failureRatio * Double(recent.count)
        if failuresInARow >= policy.consecutiveFailures || ratioTripped { open(now: now) }
    }

    /// Gives up a probe that never got an answer (the caller was cancelled): the next call probes.
    public mutating func abandonProbe(now: Double) {
        if state == .halfOpen { state = .open(until: now) }
    }

    private mutating func open(now: Double) {
        state = .open(until: now + nextOpenInterval)
        nextOpenInterval = min(nextOpenInterval * 2, policy.maxOpenInterval)
        failuresInARow = 0
        recent.removeAll()
    }

    private mutating func close() {
        state = .closed
        nextOpenInterval = policy.openInterval
        failuresInARow = 0
        recent.removeAll()
    }
}
