import MarketModel

/// The simulated exchange calendar: every weekday but the NYSE's full-day holidays is a trading
/// day, with the regular session 09:30–16:00 New York time (early closes are not simulated).
enum TradingCalendar {
    /// Seconds after New York midnight at which the regular session opens.
    static let openSecond = 9 * 3600 + 30 * 60
    /// Seconds after New York midnight at which the regular session closes.
    static let closeSecond = 16 * 3600

    /// Whether `date` has a regular session.
    static func isTradingDay(_ date: CalendarDate) -> Bool { !date.isWeekend && !isHoliday(date) }

    /// Whether `date` is one of the NYSE's full-day holidays.
    ///
    /// By the exchange's rules: New Year's
    /// Day, Martin Luther King Jr. Day, Washington's Birthday, Good Friday, Memorial Day,
    /// Juneteenth (from 2022), Independence Day, Labor Day, Thanksgiving and Christmas; a holiday
    /// on a Saturday is observed the Friday before (except New Year's Day) and one on a Sunday the
    /// Monday after.
    static func isHoliday(_ date: CalendarDate) -> Bool {
        // Most days are in no holiday's window: answer those without computing the year's dates.
        let windows: [ClosedRange<Int>] = [
            1...21, 15...21, 20...31, 1...25, 25...31, 18...20, 3...5, 0...0, 1...7, 0...0, 22...28, 24...26,
        ]
        guard windows[date.month - 1].contains(date.day) else { return false }
        let y = date.year
        func observed(_ month: Int, _ day: Int, fridayBefore: Bool = true) -> CalendarDate? {
            guard let actual = CalendarDate(year: y, month: month, day: day) else { return nil }
            switch actual.weekday {
            case 6: return fridayBefore ? actual.adding(days: -1) : nil
            case 0: return actual.adding(days: 1)
            default: return actual
            }
        }
        /// The `n`th `weekday` (0 Sunday … 6 Saturday) of a month; n = -1 for the last.
        func nth(_ n: Int, _ weekday: Int, of month: Int) -> CalendarDate? {
            guard let first = CalendarDate(year: y, month: month, day: 1) else { return nil }
            if n > 0 { return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1)) }
            let last = first.adding(days: CalendarDate.daysInMonth(year: y, month: month) - 1)
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        var holidays: [CalendarDate?] = [
            observed(1, 1, fridayBefore: false), nth(3, 1, of: 1), nth(3, 1, of: 2), easter(y)?.adding(days: -2),
            nth(-1, 1, of: 5), observed(7, 4), nth(1, 1, of: 9), nth(4, 4, of: 11), observed(12, 25),
        ]
        if y >= 2022 { holidays.append(observed(6, 19)) }
        return holidays.contains(date)
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easter(_ year: Int) -> CalendarDate? {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let h = (19 * a + b - b / 4 - (8 * b + 13) / 25 + 15) % 30
        let l = (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }

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
