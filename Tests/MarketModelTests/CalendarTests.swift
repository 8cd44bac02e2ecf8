import MarketModel
import Testing

struct CalendarTests {
    @Test func dateArithmeticRoundTrips() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(iso: "2024-02-29")?.weekday == 4)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }

    @Test func newYorkFollowsDaylightSaving() {
        // 2024: DST from 2024-03-10 07:00Z to 2024-11-03 06:00Z.
        #expect(NewYorkTime.offset(at: Timestamp(rfc3339: "2024-03-10T06:59:59Z")!) == -5 * 3600)
        #expect(NewYorkTime.offset(at: Timestamp(rfc3339: "2024-03-10T07:00:00Z")!) == -4 * 3600)
        #expect(NewYorkTime.offset(at: Timestamp(rfc3339: "2024-11-03T05:59:59Z")!) == -4 * 3600)
        #expect(NewYorkTime.offset(at: Timestamp(rfc3339: "2024-11-03T06:00:00Z")!) == -5 * 3600)
        let open = NewYorkTime.instant(date: CalendarDate(iso: "2024-07-01")!, secondOfDay: 9 * 3600 + 1800)
        #expect(open == Timestamp(rfc3339: "2024-07-01T13:30:00Z"))
        let winterOpen = NewYorkTime.instant(date: CalendarDate(iso: "2024-01-02")!, secondOfDay: 9 * 3600 + 1800)
        #expect(winterOpen == Timestamp(rfc3339: "2024-01-02T14:30:00Z"))
    }

    @Test func clockSessions() {
        let t = { (s: String) in Timestamp(rfc3339: s)! }
        let open = MarketClock(
            timestamp: t("2024-07-01T10:00:00-04:00"), isOpen: true, nextOpen: t("2024-07-02T09:30:00-04:00"),
            nextClose: t("2024-07-01T16:00:00-04:00"))
        #expect(open.session == .regular)
        let pre = MarketClock(
            timestamp: t("2024-07-01T08:00:00-04:00"), isOpen: false, nextOpen: t("2024-07-01T09:30:00-04:00"),
            nextClose: t("2024-07-01T16:00:00-04:00"))
        #expect(pre.session == .preMarket)
        let post = MarketClock(
            timestamp: t("2024-07-01T17:00:00-04:00"), isOpen: false, nextOpen: t("2024-07-02T09:30:00-04:00"),
            nextClose: t("2024-07-02T16:00:00-04:00"))
        #expect(post.session == .afterHours)
        let weekend = MarketClock(
            timestamp: t("2024-07-06T12:00:00-04:00"), isOpen: false, nextOpen: t("2024-07-08T09:30:00-04:00"),
            nextClose: t("2024-07-08T16:00:00-04:00"))
        #expect(weekend.session == .closed)
        #expect(weekend.mostRecentSessionOpen == t("2024-07-05T09:30:00-04:00"))
    }
}
