import MarketModel

/// Number, time and age formatting: POSIX style, never locale-dependent.
enum Format {
    /// The mark for a missing value.
    static let missing = "—"

    /// A fixed-point number with `digits` (0–6) decimals; `—` when not finite, when its magnitude
    /// is 1e15 or more, or when the scaled value would not fit 64 bits.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e15, (0...6).contains(digits) else { return missing }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        guard let scaled = Checked.int64(abs(value) * Double(scale)) else { return missing }
        // Digits are laid right to left into a stack buffer: no intermediate strings.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = buffer.count
            func put(_ byte: UInt8) {
                end -= 1
                buffer[end] = byte
            }
            var rest = scaled
            for _ in 0..<digits {
                put(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
                rest /= 10
            }
            if digits > 0 { put(0x2E) }
            repeat {
                put(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
                rest /= 10
            } while rest > 0
            if value < 0 && scaled != 0 { put(0x2D) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
        }
    }

    /// The old, string-building `fixed`, kept as the reference the tests hold the fast one to.
    static func fixedReference(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite, abs(value) < 1e15, (0...6).contains(digits) else { return missing }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        guard let scaled = Checked.int64(abs(value) * Double(scale)) else { return missing }
        let whole = scaled / scale
        let fraction = scaled % scale
        var text = String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return value < 0 && scaled != 0 ? "-" + text : text
    }

    /// A price: 2 decimals, 4 below one dollar; `—` when missing.
    static func price(_ value: Double?) -> String {
        guard let value else { return missing }
        return fixed(value, abs(value) < 1 && value != 0 ? 4 : 2)
    }

    /// An option price: always 2 decimals (3 below a cent); `—` when missing.
    static func optionPrice(_ value: Double?) -> String {
        guard let value else { return missing }
        return fixed(value, value != 0 && abs(value) < 0.01 ? 3 : 2)
    }

    /// A signed number: `+1.23`, `-0.45`, `0.00`.
    static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        return value > 0 && text != fixed(0, digits) ? "+" + text : text
    }

    /// A count: `987`, `45.6K`, `12.3M`, `1.23B`; `—` when missing.
    static func count(_ value: Int64?) -> String {
        guard let value else { return missing }
        let magnitude = abs(Double(value))
        switch magnitude {
        case 1e9...: return fixed(Double(value) / 1e9, 2) + "B"
        case 1e6...: return fixed(Double(value) / 1e6, 1) + "M"
        case 1e4...: return fixed(Double(value) / 1e3, 1) + "K"
        default: return String(value)
        }
    }

    /// An age or duration in seconds: `0s`, `45s`, `2m05s`, `1h02m`, `3d04h`; `—` when missing;
    /// `>999d` past 999 days (a value no real age reaches, such as a far-future reset).
    static func age(_ seconds: Double?) -> String {
        guard let seconds, !seconds.isNaN else { return missing }
        guard seconds < 999 * 86_400 else { return ">999d" }
        let s = Checked.int64(max(0, seconds), rounding: .down) ?? 0
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + two(s % 60) + "s" }
        if s < 86_400 { return "\(s / 3600)h" + two(s / 60 % 60) + "m" }
        return "\(s / 86_400)d" + two(s / 3600 % 24) + "h"
    }

    /// A rate per second: `12`, `3.4`, `0.1`.
    static func rate(_ perSecond: Double) -> String {
        guard perSecond.isFinite else { return missing }
        return perSecond >= 10 ? Checked.wholeText(perSecond) : fixed(perSecond, 1)
    }

    /// A latency in seconds: `<1µs`, `850µs`, `12ms`, `1.25s`; `—` when missing.
    static func latency(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return missing }
        if seconds < 0.000_000_5 { return "<1µs" }
        if seconds < 0.001 { return "\(Checked.wholeText(seconds * 1e6))µs" }
        if seconds < 1 { return "\(Checked.wholeText(seconds * 1e3))ms" }
        return fixed(seconds, 2) + "s"
    }

    /// A ratio as a percentage with one decimal: `87.5%`; `—` when missing.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio else { return missing }
        return fixed(ratio * 100, 1) + "%"
    }

    /// New York wall-clock time `HH:MM:SS`.
    static func clock(_ instant: Timestamp) -> String {
        let ny = NewYorkTime(instant)
        return two(Int64(ny.secondOfDay / 3600)) + ":" + two(Int64(ny.secondOfDay / 60 % 60)) + ":"
            + two(Int64(ny.secondOfDay % 60))
    }

    /// A strike in dollars without trailing zeros beyond two decimals: `187.50`, `1250.00`.
    static func strike(_ thousandths: Int) -> String {
        thousandths % 10 == 0 ? fixed(Double(thousandths) / 1000, 2) : fixed(Double(thousandths) / 1000, 3)
    }

    private static func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
