public import MarketModel

/// What every stage is a function of besides its input: the time, the market clock and the configuration.
public struct StageContext: Sendable {
    /// The current time.
    public var now: Timestamp
    /// The market clock, when known; without it freshness uses the plain limit.
    public var clock: MarketClock?
    /// Thresholds.
    public var configuration: PipelineConfiguration

    /// Creates a context.
    public init(now: Timestamp, clock: MarketClock?, configuration: PipelineConfiguration) {
        self.now = now
        self.clock = clock
        self.configuration = configuration
    }

    /// The market session now (closed when the clock is unknown and it is a weekend or night in New York).
    public var session: MarketSession {
        guard let clock else { return .closed }
        // The clock was read a little while ago; move it to `now` without another request.
        if clock.isOpen && now >= clock.nextClose { return .afterHours }
        if !clock.isOpen && now >= clock.nextOpen && now < clock.nextClose { return .regular }
        return MarketClock(timestamp: now, isOpen: clock.isOpen, nextOpen: clock.nextOpen, nextClose: clock.nextClose)
            .session
    }

    /// The earliest timestamp still fresh, given the session.
    ///
    /// During the regular session: `now − stalenessLimit`. Otherwise: the start of the most recent
    /// session's day (its pre-market, 04:00 New York), so last session's data is fine and older is stale.
    public var freshnessCutoff: Timestamp {
        if session == .regular || clock == nil { return now.adding(seconds: -configuration.stalenessLimit) }
        let open = clock!.mostRecentSessionOpen
        return open.adding(seconds: -5.5 * 3600)
    }

    func failure(
        _ code: FailureCode, _ rule: RuleID, _ symbol: String, _ message: String
    ) -> PipelineFailure {
        PipelineFailure(code: code, rule: rule, symbol: symbol, message: message)
    }
}
