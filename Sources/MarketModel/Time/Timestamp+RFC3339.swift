extension Timestamp {
    /// Parses an RFC-3339 date-time: `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)`.
    ///
    /// Accepts `t`/space as the separator and lower-case `z`. Rejects anything else, including
    /// out-of-range fields (month 13, hour 24, Feb 30), more than nine fraction digits, and instants
    /// outside what nanoseconds since the epoch can hold (before 1677-09-21T00:12:43.145224192Z or
    /// after 2262-04-11T23:47:16.854775807Z), such as Go's zero time `0001-01-01T00:00:00Z`.
    /// - Parameter text: The string to parse.
    public init?(rfc3339 text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        guard let value = utf8.withUnsafeMutableBufferPointer({ Timestamp.parse($0) }) else { return nil }
        self.init(nanoseconds: value)
    }

    /// Parses RFC-3339 bytes; see ``init(rfc3339:)``.
    /// - Parameter bytes: UTF-8 bytes of the timestamp.
    /// - Returns: Nanoseconds since the epoch, or nil when the bytes are not a valid timestamp.
    public static func parse(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Int64? {
        parse(UnsafeBufferPointer(bytes))
    }

    /// Parses RFC-3339 bytes; see ``init(rfc3339:)``.
    /// - Parameter b: UTF-8 bytes of the timestamp.
    /// - Returns: Nanoseconds since the epoch, or nil when the bytes are not a valid timestamp.
    public static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = b.count
        guard n >= 20 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = b[i]
            return (c >= 48 && c <= 57) ? Int(c - 48) : nil
        }
        @inline(__always) func number(_ start: Int, _ count: Int) -> Int? {
            var v = 0
            for i in start..<(start + count) {
                guard let d = digit(i) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45,
            let day = number(8, 2), b[10] == 84 || b[10] == 116 || b[10] == 32,
            let hour = number(11, 2), b[13] == 58, let minute = number(14, 2), b[16] == 58,
            let second = number(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var i = 19
        var fraction: Int64 = 0
        if b[i] == 46 {  // "."
            i += 1
            var digits = 0
            while i < n, let d = digit(i) {
                guard digits < 9 else { return nil }
                fraction = fraction * 10 + Int64(d)
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { fraction *= 10 }
        }
        guard i < n else { return nil }
        var offsetSeconds = 0
        switch b[i] {
        case 90, 122:  // Z z
            i += 1
        case 43, 45:  // + -
            guard i + 6 == n, let oh = number(i + 1, 2), b[i + 3] == 58, let om = number(i + 4, 2), oh <= 23,
                om <= 59
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (b[i] == 45 ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == n else { return nil }
        let days = CalendarDate.daysSinceEpoch(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offsetSeconds)
        // Years 0000-9999 fit in seconds, but nanoseconds since the epoch only cover 1677-09-21
        // to 2262-04-11: outside that the bytes are a well-formed date this type cannot hold.
        // Before the epoch, the whole second is taken one up and the fraction one down, so the
        // earliest instant (secs × 10^9 just below Int64.min, plus a fraction) still fits.
        let borrow: Int64 = secs < 0 && fraction > 0 ? 1 : 0
        let (scaled, overflowScale) = (secs + borrow).multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflowAdd) = scaled.addingReportingOverflow(fraction - borrow * 1_000_000_000)
        guard !overflowScale, !overflowAdd else { return nil }
        return total
    }

    /// The RFC-3339 form in UTC (`Z`), with the fraction's trailing zeros trimmed (Go's RFC3339Nano).
    public var rfc3339: String {
        let secs = wholeSeconds
        let remainder = nanoseconds % 1_000_000_000
        let nanos = Int(remainder < 0 ? remainder + 1_000_000_000 : remainder)
        let days = Int(secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400)
        let secOfDay = Int(secs - Int64(days) * 86_400)
        let date = CalendarDate(daysSinceEpoch: days)
        var out = date.description
        out += "T"
        out += Self.twoDigits(secOfDay / 3600) + ":" + Self.twoDigits(secOfDay / 60 % 60) + ":"
        out += Self.twoDigits(secOfDay % 60)
        if nanos > 0 {
            var frac = String(nanos)
            frac = String(repeating: "0", count: 9 - frac.count) + frac
            while frac.hasSuffix("0") { frac.removeLast() }
            out += "." + frac
        }
        return out + "Z"
    }

    /// The RFC-3339 form at a fixed offset from UTC, as the trading API sends its clock.
    /// - Parameter offsetSeconds: The zone offset, for example `-4 * 3600` for New York in summer.
    /// - Returns: A string such as `2024-03-15T09:30:00-04:00`.
    public func rfc3339(offsetSeconds: Int) -> String {
        let shifted = adding(seconds: Double(offsetSeconds))
        var text = shifted.rfc3339
        text.removeLast()
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds)
        return text + sign + Self.twoDigits(magnitude / 3600) + ":" + Self.twoDigits(magnitude / 60 % 60)
    }

    static func twoDigits(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
