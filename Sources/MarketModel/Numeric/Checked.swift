/// The project's one set of checked numeric conversions (issue 8's numeric discipline).
///
/// Swift's `Int(_: Double)` and `*`/`+` on fixed-width integers trap on NaN, infinities and
/// overflow. Nothing reachable from upstream bytes, headers, the config file, the command line or
/// keys may trap, so every conversion of a parsed value goes through one of these instead: each
/// returns nil (or a clearly marked text) where the plain operation would stop the process.
public enum Checked {
    /// `value` rounded by `rule` as an `Int`, or nil when it is not finite or does not fit.
    /// - Parameters:
    ///   - value: Any double.
    ///   - rule: How to round (default: to nearest, ties away from zero).
    public static func int(
        _ value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> Int? {
        Int(exactly: value.rounded(rule))
    }

    /// `value` rounded by `rule` as an `Int64`, or nil when it is not finite or does not fit.
    /// - Parameters:
    ///   - value: Any double.
    ///   - rule: How to round (default: to nearest, ties away from zero).
    public static func int64(
        _ value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
    ) -> Int64? {
        Int64(exactly: value.rounded(rule))
    }

    /// `value` rounded to a whole number for a message: digits when it fits an `Int`, else the
    /// double's own text (`1e+302`, `inf`, `nan`), so a message can quote any value.
    /// - Parameter value: Any double.
    public static func wholeText(_ value: Double) -> String {
        int(value).map { String($0) } ?? "\(value)"
    }

    /// `a × b`, or nil on overflow.
    public static func multiply(_ a: Int64, _ b: Int64) -> Int64? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// `a + b`, or nil on overflow.
    public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// The decimal places `value` was written with: the digits after the point of its shortest
    /// round-trip text (`187.25` → 2), at most `limit`; `limit` for exponent forms like `1e-05`.
    ///
    /// Found by arithmetic where that is exact (every stream quote asks this twice: formatting the
    /// text cost more than all the rules): the fewest places `p` for which `value` rounded to `p`
    /// places is `value` itself. Below 1e-4 and above 1e15 the text decides.
    public static func decimalPlaces(_ value: Double, limit: Int = 10) -> Int {
        guard value.isFinite else { return 0 }
        let magnitude = abs(value)
        if magnitude == 0 { return 0 }
        if magnitude >= 1e-4 && magnitude < 1e15 {
            var scale = 1.0
            var places = 0
            while places <= limit, magnitude * scale < 1e15 {
                if (value * scale).rounded() / scale == value { return places }
                places += 1
                scale *= 10
            }
            if places > limit { return limit }
        }
        return decimalPlacesOfText(value, limit: limit)
    }

    /// ``decimalPlaces(_:limit:)`` read off the value's shortest round-trip text.
    static func decimalPlacesOfText(_ value: Double, limit: Int) -> Int {
        guard value.isFinite else { return 0 }
        let text = "\(value)"
        if text.contains("e") { return limit }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction == "0" ? 0 : min(limit, fraction.count)
    }

    /// `value` rounded to `places` decimals, so that its text carries no binary-float noise
    /// (`0.060000000000002274` at 2 places is `0.06`); non-finite values and huge ones are unchanged.
    public static func round(_ value: Double, places: Int) -> Double {
        guard value.isFinite, (0...15).contains(places) else { return value }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = value * scale
        guard abs(scaled) < 9e15 else { return value }
        return scaled.rounded() / scale
    }

    /// `value` clamped into `range`; NaN becomes the range's lower bound.
    ///
    /// Only for values the program chooses (waits, intervals), never for market data, which is
    /// rejected, not clamped.
    public static func clamp(_ value: Double, to range: ClosedRange<Double>) -> Double {
        guard !value.isNaN else { return range.lowerBound }
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
