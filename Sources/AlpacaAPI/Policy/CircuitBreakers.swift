/// The circuit breakers of every upstream host a client calls, shared by all copies of the client.
public actor CircuitBreakers {
    /// The policy each host's breaker gets.
    public nonisolated let policy: CircuitBreaker.Policy
    private var byHost: [String: CircuitBreaker] = [:]
    /// The last failure seen per host (status and redacted message), quoted when a call is refused.
    private var lastFailure: [String: (status: Int?, message: String)] = [:]

    /// Creates closed breakers.
    public init(policy: CircuitBreaker.Policy = CircuitBreaker.Policy()) { self.policy = policy }

    /// Asks to call `host` at `now`.
    /// - Returns: The answer, and the host's last failure for the message when refused.
    func permit(host: String, now: Double) -> (CircuitBreaker.Permit, lastFailure: (status: Int?, message: String)?) {
        (byHost[host, default: CircuitBreaker(policy: policy)].permit(now: now), lastFailure[host])
    }

    /// Records a call's outcome.
    /// - Parameters:
    ///   - failure: The status (nil without a response) and message of a failed call; nil on success.
    /// - Returns: The host's new state when the outcome changed it.
    func record(
        host: String, failure: (status: Int?, message: String)?, probe: Bool, now: Double
    ) -> CircuitBreaker.State? {
        if let failure { lastFailure[host] = failure }
        let failed = failure != nil
        var breaker = byHost[host, default: CircuitBreaker(policy: policy)]
        let before = breaker.state
        breaker.record(failed: failed, probe: probe, now: now)
        byHost[host] = breaker
        return breaker.state == before ? nil : breaker.state
    }

    /// Gives up a probe of `host` that was cancelled before it had an answer.
    func abandonProbe(host: String, now: Double) {
        byHost[host]?.abandonProbe(now: now)
    }

    /// The state of `host`'s breaker.
    public func state(of host: String) -> CircuitBreaker.State { byHost[host]?.state ?? .closed }
}
