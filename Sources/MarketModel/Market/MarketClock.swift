/// The market clock as `GET /v2/clock` reports it.
public struct MarketClock: Sendable, Equatable {
    /// The server's current time.
    public var timestamp: Timestamp
    /// Whether the regular session is open.
    public var isOpen: Bool
    /// The next regular-session open.
    public var nextOpen: Timestamp
    /// The next regular-session close.
    public var nextClose: Timestamp
    /// The open of the most recent session that has opened, from the exchange calendar
    /// (`/v2/calendar`), when it was read: it knows holidays, which the clock alone does not.
    public var calendarSessionOpen: Timestamp?

    /// Creates a clock.
    public init(timestamp: Timestamp, isOpen: Bool, nextOpen: Timestamp, nextClose: Timestamp) {
        self.timestamp = timestamp
        self.isOpen = isOpen
        self.nextOpen = nextOpen
        self.nextClose = nextClose
    }

    /// The session at the clock's time: `regular` when open, otherwise pre/post/closed from New York time.
    public var session: MarketSession {
        if isOpen { return .regular }
        let ny = NewYorkTime(timestamp)
        guard !ny.date.isWeekend else { return .closed }
        // Extended hours only on days that have a session (the next open is today).
        let opensToday = NewYorkTime(nextOpen).date == ny.date
        if opensToday && ny.minuteOfDay >= 4 * 60 { return .preMarket }
        if !opensToday && ny.minuteOfDay >= 16 * 60 && ny.minuteOfDay < 20 * 60
            && NewYorkTime(nextClose).date != ny.date
        {
            return .afterHours
        }
        return .closed
    }

    /// The start of the most recent regular session that has opened (the previous open when closed).
    ///
    /// The calendar's answer when known (``calendarSessionOpen``); otherwise approximated as the
    /// next close minus 6.5 hours when open and, when closed, the weekday before the next open (a
    /// holiday in between is not seen). Used for "data must be from the most recent session".
    public var mostRecentSessionOpen: Timestamp {
        if let calendarSessionOpen { return calendarSessionOpen }
        if isOpen { return nextClose.adding(seconds: -6.5 * 3600) }
        var date = NewYorkTime(nextOpen).date.adding(days: -1)
        while date.isWeekend { date = date.adding(days: -1) }
        return NewYorkTime.instant(date: date, secondOfDay: 9 * 3600 + 30 * 60)
    }
}
