/// Wall-clock time in New York (America/New_York), computed from the US daylight-saving rules
/// (second Sunday of March to first Sunday of November, 02:00 local) so no tz database is needed.
public struct NewYorkTime: Sendable, Hashable {
    /// The local calendar date.
    public var date: CalendarDate
    /// Seconds since local midnight.
    public var secondOfDay: Int
    /// The offset from UTC in seconds (−14 400 in summer, −18 000 in winter).
    public var offsetSeconds: Int

    /// Converts an instant to New York wall-clock time.
    public init(_ instant: Timestamp) {
        let offset = Self.offset(at: instant)
        let local = instant.wholeSeconds + Int64(offset)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        self.date = CalendarDate(daysSinceEpoch: days)
        self.secondOfDay = Int(local - Int64(days) * 86_400)
        self.offsetSeconds = offset
    }

    /// Minutes since local midnight.
    public var minuteOfDay: Int { secondOfDay / 60 }

    /// The UTC offset in force in New York at an instant.
    public static func offset(at instant: Timestamp) -> Int {
        let utcSeconds = instant.wholeSeconds
        let utcDays = Int(utcSeconds >= 0 ? utcSeconds / 86_400 : (utcSeconds - 86_399) / 86_400)
        let year = CalendarDate(daysSinceEpoch: utcDays).year
        // DST starts at 02:00 EST (07:00 UTC) and ends at 02:00 EDT (06:00 UTC).
        let start = Int64(nthSunday(year: year, month: 3, n: 2).daysSinceEpoch) * 86_400 + 7 * 3600
        let end = Int64(nthSunday(year: year, month: 11, n: 1).daysSinceEpoch) * 86_400 + 6 * 3600
        return utcSeconds >= start && utcSeconds < end ? -4 * 3600 : -5 * 3600
    }

    /// The instant at which New York's clock shows `date` and `secondOfDay`.
    public static func instant(date: CalendarDate, secondOfDay: Int) -> Timestamp {
        let naive = Int64(date.daysSinceEpoch) * 86_400 + Int64(secondOfDay)
        // Try the winter offset first; correct it with the offset actually in force.
        let guess = Timestamp(seconds: naive + 5 * 3600)
        let offset = offset(at: guess)
        return Timestamp(seconds: naive - Int64(offset))
    }

    static func nthSunday(year: Int, month: Int, n: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        let toSunday = (7 - first.weekday) % 7
        return first.adding(days: toSunday + 7 * (n - 1))
    }
}
