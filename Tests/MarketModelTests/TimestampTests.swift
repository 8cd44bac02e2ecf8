import MarketModel
import TUITestSupport
import Testing

struct TimestampTests {
    @Test(arguments: [
        ("2022-02-01T05:00:00Z", Int64(1_643_691_600_000_000_000)),
        ("2022-03-09T05:00:16.9Z", 1_646_802_016_900_000_000),
        ("2022-03-09T05:00:16.91Z", 1_646_802_016_910_000_000),
        ("2022-03-09T05:00:02.183Z", 1_646_802_002_183_000_000),
        ("2022-03-09T05:00:02.1834Z", 1_646_802_002_183_400_000),
        ("2022-03-09T05:00:02.18345Z", 1_646_802_002_183_450_000),
        ("2022-03-09T09:00:00.000059Z", 1_646_816_400_000_059_000),
        ("2022-03-09T09:00:00.0000591Z", 1_646_816_400_000_059_100),
        ("2024-03-12T13:55:39.17011584Z", 1_710_251_739_170_115_840),
        ("2022-03-18T14:02:09.722539521Z", 1_647_612_129_722_539_521),
    ])
    func parsesEveryFractionLength(text: String, nanoseconds: Int64) {
        #expect(Timestamp(rfc3339: text)?.nanoseconds == nanoseconds)
    }

    @Test func parsesOffsets() {
        let eastern = Timestamp(rfc3339: "2022-05-17T09:30:00-04:00")
        let utc = Timestamp(rfc3339: "2022-05-17T13:30:00Z")
        #expect(eastern != nil && eastern == utc)
        #expect(Timestamp(rfc3339: "2022-05-16T16:32:24.14373588-04:00")?.rfc3339 == "2022-05-16T20:32:24.14373588Z")
        #expect(Timestamp(rfc3339: "2024-01-01T05:30:00+05:30") == Timestamp(rfc3339: "2024-01-01T00:00:00Z"))
    }

    @Test(arguments: [
        "", "2022-02-01", "2022-02-01T05:00:00", "2022-02-01T05:00:00.Z", "2022-02-01T05:00:00.1234567890Z",
        "2022-13-01T05:00:00Z", "2022-02-30T05:00:00Z", "2022-02-01T24:00:00Z", "2022-02-01T05:60:00Z",
        "2022-02-01T05:00:00+0400", "2022-02-01T05:00:00+04:00x", "x2022-02-01T05:00:00Z", "2022/02/01T05:00:00Z",
        "2022-02-01T05:00:00ZZ", "२०२२-02-01T05:00:00Z",
    ])
    func rejectsMalformed(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func roundTripsRandomInstants() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<5000 {
            // 1970 … 2100, any nanosecond.
            let ns = Int64(bitPattern: rng.next() % 4_102_444_800_000_000_000)
            let t = Timestamp(nanoseconds: ns)
            #expect(Timestamp(rfc3339: t.rfc3339) == t)
            let offset = Int(rng.next() % 1440) * 60 - 12 * 3600
            #expect(Timestamp(rfc3339: t.rfc3339(offsetSeconds: offset)) == t)
        }
    }

    @Test func formatsTrimmedFractions() {
        #expect(Timestamp(nanoseconds: 1_643_691_600_000_000_000).rfc3339 == "2022-02-01T05:00:00Z")
        #expect(Timestamp(nanoseconds: 1_643_691_600_120_000_000).rfc3339 == "2022-02-01T05:00:00.12Z")
        #expect(Timestamp(seconds: 0).rfc3339(offsetSeconds: -4 * 3600) == "1969-12-31T20:00:00-04:00")
    }

    @Test func wellFormedInstantsOutsideInt64NanosecondsAreRejectedNotTrapped() {
        for text in [
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1677-09-21T00:12:43.145224191Z",
            "2262-04-11T23:47:16.854775808Z", "2262-04-11T23:47:17Z", "0000-01-01T00:00:00+23:59",
        ] {
            #expect(Timestamp(rfc3339: text) == nil, "\(text)")
        }
        #expect(Timestamp(rfc3339: "1677-09-21T00:12:43.145224192Z")?.nanoseconds == Int64.min)
        #expect(Timestamp(rfc3339: "2262-04-11T23:47:16.854775807Z")?.nanoseconds == Int64.max)
    }

    @Test func theExtremeInstantsFormatAndMoveWithoutTrapping() {
        #expect(Timestamp(nanoseconds: .min).rfc3339 == "1677-09-21T00:12:43.145224192Z")
        #expect(Timestamp(nanoseconds: .max).rfc3339 == "2262-04-11T23:47:16.854775807Z")
        #expect(Timestamp(nanoseconds: .min).wholeSeconds == -9_223_372_037)
        #expect(Timestamp(nanoseconds: .min).rfc3339(offsetSeconds: -5 * 3600).hasSuffix("-05:00"))
        #expect(Timestamp(nanoseconds: 0).adding(seconds: 1e300).nanoseconds == .max)
        #expect(Timestamp(nanoseconds: 0).adding(seconds: -.infinity).nanoseconds == .min)
        #expect(Timestamp(nanoseconds: 5).adding(seconds: .nan).nanoseconds == 5)
        #expect(Timestamp(seconds: .max).nanoseconds == .max)
        #expect(Timestamp(seconds: -10_000_000_000).nanoseconds == .min)
    }

    @Test func checkedConversionsNeverTrap() {
        #expect(Checked.int(.nan) == nil)
        #expect(Checked.int(.infinity) == nil)
        #expect(Checked.int(1e300) == nil)
        #expect(Checked.int(-2.5) == -3)
        #expect(Checked.int64(9.3e18) == nil)
        #expect(Checked.wholeText(1e302) == "1e+302")
        #expect(Checked.wholeText(41.6) == "42")
        #expect(Checked.multiply(.max, 2) == nil)
        #expect(Checked.add(.max, 1) == nil)
        #expect(Checked.clamp(.nan, to: 1...2) == 1)
    }

    @Test func barTimeframesFollowAlpacasRanges() {
        for ok in ["1Min", "59Min", "15T", "1Hour", "23H", "1Day", "1D", "1Week", "1W", "12Month", "6M"] {
            #expect(BarTimeframe(ok) != nil, "\(ok)")
        }
        for bad in ["0Min", "60Min", "24Hour", "2Day", "5Month", "999999999999Min", "01Min", "1min", "Min", "1", ""] {
            #expect(BarTimeframe(bad) == nil, "\(bad)")
        }
        #expect(BarTimeframe("15T")?.description == "15Min")
    }

    @Test func secondsBetweenInstantsCenturiesApartNeverWrap() {
        // Found reading fuzz-snapshots' F1 path (Fuzz/FINDINGS.md, F5): a 1677 quote seen in 2024 was
        // "7.5e9 s in the future" (V008) instead of three and a half centuries old (V009).
        let old = Timestamp(rfc3339: "1677-09-21T00:12:44Z")!
        let now = Timestamp(rfc3339: "2024-03-12T14:15:22Z")!
        #expect(now.seconds(since: old) > 1e10)
        #expect(old.seconds(since: now) < -1e10)
        #expect(Timestamp(nanoseconds: .max).seconds(since: Timestamp(nanoseconds: .min)) > 1.8e10)
        #expect(now.seconds(since: now.adding(seconds: -1.5)) == 1.5)
    }
}
