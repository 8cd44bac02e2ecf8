public import MarketModel

/// What every stage is a function of besides its input: the time, the market clock and the configuration.
public struct StageContext: Sendable {
    /// The current time.
    public let now: Timestamp
    /// The market clock, when known; without it freshness uses the plain limit.
    public let clock: MarketClock?
    /// Thresholds.
    public let configuration: PipelineConfiguration
    /// The market session now (derived once: every value of a batch shares it).
    public let session: MarketSession
    /// The earliest timestamp still fresh, given the session.
    ///
    /// During the regular session: `now − stalenessLimit`. Otherwise: the start of the most recent
    /// session's day (its pre-market, 04:00 New York), so last session's data is fine and older is stale.
    public let freshnessCutoff: Timestamp
    /// New York's UTC offset now, in seconds.
    public let newYorkOffset: Int
    /// Today's date in New York.
    public let today: CalendarDate

    /// Creates a context.
    public init(now: Timestamp, clock: MarketClock?, configuration: PipelineConfiguration) {
        self.now = now
        self.clock = clock
        self.configuration = configuration
        let session = Self.session(now: now, clock: clock)
        self.session = session
        if let clock, session != .regular {
            freshnessCutoff = clock.mostRecentSessionOpen.adding(seconds: -5.5 * 3600)
        } else {
            freshnessCutoff = now.adding(seconds: -configuration.stalenessLimit)
        }
        let ny = NewYorkTime(now)
        newYorkOffset = ny.offsetSeconds
        today = ny.date
    }

    /// The session at `now` given a clock read a little earlier (moved forward without a request).
    static func session(now: Timestamp, clock: MarketClock?) -> MarketSession {
        guard let clock else { return .closed }
        if clock.isOpen && now >= clock.nextClose { return .afterHours }
        if !clock.isOpen && now >= clock.nextOpen && now < clock.nextClose { return .regular }
        return MarketClock(timestamp: now, isOpen: clock.isOpen, nextOpen: clock.nextOpen, nextClose: clock.nextClose)
            .session
    }

    /// The New York day number (days since 1970-01-01 in New York) of an instant, using today's offset.
    public func newYorkDay(of t: Timestamp) -> Int64 {
        let local = t.wholeSeconds + Int64(newYorkOffset)
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// Minutes since New York midnight of an instant, and whether that day is a weekend, using today's offset.
    public func newYorkClock(of t: Timestamp) -> (minute: Int, weekend: Bool) {
        let day = newYorkDay(of: t)
        let local = t.wholeSeconds + Int64(newYorkOffset)
        let weekday = Int(((day % 7) + 11) % 7)
        return (Int((local - day * 86_400) / 60), weekday == 0 || weekday == 6)
    }

    func failure(
        _ code: FailureCode, _ rule: RuleID, _ symbol: String, _ message: String
    ) -> PipelineFailure {
        PipelineFailure(code: code, rule: rule, symbol: symbol, message: message)
    }
}
