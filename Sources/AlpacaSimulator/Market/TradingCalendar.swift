import MarketModel

/// The simulated exchange calendar: every weekday is a trading day (no holidays, no early closes)
/// with the regular session 09:30–16:00 New York time.
enum TradingCalendar {
    /// Seconds after New York midnight at which the regular session opens.
    static let openSecond = 9 * 3600 + 30 * 60
    /// Seconds after New York midnight at which the regular session closes.
    static let closeSecond = 16 * 3600

    /// Whether `date` has a regular session.
    static func isTradingDay(_ date: CalendarDate) -> Bool { !date.isWeekend }

    /// The opening instant of `date`'s session.
    static func open(on date: CalendarDate) -> Timestamp { NewYorkTime.instant(date: date, secondOfDay: openSecond) }

    /// The closing instant of `date`'s session.
    static func close(on date: CalendarDate) -> Timestamp { NewYorkTime.instant(date: date, secondOfDay: closeSecond) }

    /// Whether `instant` falls inside a regular session.
    static func isRegularSession(_ instant: Timestamp) -> Bool {
        let ny = NewYorkTime(instant)
        return isTradingDay(ny.date) && ny.secondOfDay >= openSecond && ny.secondOfDay < closeSecond
    }

    /// The first session open strictly after `instant`.
    static func nextOpen(after instant: Timestamp) -> Timestamp {
        var date = NewYorkTime(instant).date
        while true {
            if isTradingDay(date) {
                let open = open(on: date)
                if open > instant { return open }
            }
            date = date.adding(days: 1)
        }
    }

    /// The latest session close at or before `instant`.
    static func lastClose(atOrBefore instant: Timestamp) -> Timestamp {
        var date = NewYorkTime(instant).date
        while true {
            if isTradingDay(date) {
                let close = close(on: date)
                if close <= instant { return close }
            }
            date = date.adding(days: -1)
        }
    }

    /// The trading day `n` trading days before `date` (`n` = 1: the previous trading day).
    static func tradingDay(_ n: Int, before date: CalendarDate) -> CalendarDate {
        var day = date
        var remaining = n
        while remaining > 0 {
            day = day.adding(days: -1)
            if isTradingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The first trading day after `date`.
    static func nextTradingDay(after date: CalendarDate) -> CalendarDate {
        var day = date.adding(days: 1)
        while !isTradingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The trading days from `start` through `end`, inclusive.
    static func tradingDays(from start: CalendarDate, through end: CalendarDate) -> [CalendarDate] {
        var days: [CalendarDate] = []
        var day = start
        while day <= end {
            if isTradingDay(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}
