import MarketModel

/// An HTTP date (RFC 9110 §5.6.7), as `Retry-After` may carry one instead of delta-seconds.
///
/// Accepts the three forms a recipient must: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`),
/// the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`; years 70–99 read as 19xx and
/// 00–69 as 20xx) and ANSI C's asctime (`Sun Nov  6 08:49:37 1994`). The
/// weekday is not checked against the date, as RFC 9110 allows. Every field is range-checked.
public enum HTTPDate {
    /// Parses an HTTP date into seconds since the epoch, or nil.
    /// - Parameter text: The header value.
    public static func parse(_ text: some StringProtocol) -> Int64? {
        let words = String(text).split(separator: " " as Character).map(String.init)
        guard let first = words.first, first.count <= 10 else { return nil }
        if first.hasSuffix(",") {
            if words.count == 6, words[5] == "GMT" {
                // IMF-fixdate: day month year time.
                guard let day = number(words[1], digits: 2), let month = month(words[2]),
                    let year = number(words[3], digits: 4)
                else { return nil }
                return instant(year: year, month: month, day: day, time: words[4])
            }
            if words.count == 4, words[3] == "GMT" {
                // RFC 850: dd-Mon-yy.
                let parts = words[1].split(separator: "-" as Character, omittingEmptySubsequences: false).map(
                    String.init)
                guard parts.count == 3, let day = number(parts[0], digits: 2), let month = month(parts[1]),
                    let yy = number(parts[2], digits: 2)
                else { return nil }
                return instant(year: yy < 70 ? 2000 + yy : 1900 + yy, month: month, day: day, time: words[2])
            }
            return nil
        }
        // asctime: Mon Nov  6 08:49:37 1994 (the day may be space-padded).
        guard words.count == 5, let month = month(words[1]), let day = number(words[2], digits: 1...2),
            let year = number(words[4], digits: 4)
        else { return nil }
        return instant(year: year, month: month, day: day, time: words[3])
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func month(_ text: String) -> Int? { months.firstIndex(of: text).map { $0 + 1 } }

    private static func number(_ text: String, digits: Int) -> Int? { number(text, digits: digits...digits) }

    private static func number(_ text: String, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    private static func instant(year: Int, month: Int, day: Int, time: String) -> Int64? {
        let parts = time.split(separator: ":" as Character, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let h = number(parts[0], digits: 2), let m = number(parts[1], digits: 2),
            let s = number(parts[2], digits: 2), h <= 23, m <= 59, s <= 60,
            CalendarDate(year: year, month: month, day: day) != nil
        else { return nil }
        let days = Int64(CalendarDate.daysSinceEpoch(year: year, month: month, day: day))
        return days * 86_400 + Int64(h * 3600 + m * 60 + min(s, 59))
    }
}
