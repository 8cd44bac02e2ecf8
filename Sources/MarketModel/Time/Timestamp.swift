#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An instant in UTC with nanosecond precision, stored as nanoseconds since the Unix epoch.
///
/// Alpaca sends RFC-3339 strings with 0–9 fraction digits and `Z` or `±hh:mm` offsets; `Date` would
/// lose the nanoseconds, so every timestamp in the product is one of these.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64

    /// Creates a timestamp from nanoseconds since the Unix epoch.
    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Creates a timestamp from whole seconds since the Unix epoch, saturating at the ends of the
    /// representable range (1677–2262) instead of wrapping.
    public init(seconds: Int64) {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        self.nanoseconds = overflow ? (seconds < 0 ? .min : .max) : product
    }

    /// Seconds since the epoch as a floating-point value.
    public var secondsSinceEpoch: Double { Double(nanoseconds) / 1e9 }

    /// Whole seconds since the epoch (rounded towards negative infinity).
    public var wholeSeconds: Int64 {
        // Floor division without `nanoseconds - 999_999_999`, which overflows near Int64.min.
        let quotient = nanoseconds / 1_000_000_000
        return nanoseconds % 1_000_000_000 < 0 ? quotient - 1 : quotient
    }

    /// The current wall-clock time.
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanoseconds: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    /// Seconds elapsed from `other` to `self` (negative when `other` is later).
    ///
    /// Exact to the nanosecond while the difference fits 64 bits (292 years); beyond that it is
    /// computed in Double, never wrapped (a 1677 quote seen today is old, not in the future).
    public func seconds(since other: Timestamp) -> Double {
        let (difference, overflow) = nanoseconds.subtractingReportingOverflow(other.nanoseconds)
        guard overflow else { return Double(difference) / 1e9 }
        return (Double(nanoseconds) - Double(other.nanoseconds)) / 1e9
    }

    /// This instant moved by a number of seconds, saturating at the ends of the representable range
    /// (a NaN moves it nowhere).
    public func adding(seconds: Double) -> Timestamp {
        let scaled = seconds * 1e9
        guard !scaled.isNaN else { return self }
        guard let delta = Checked.int64(scaled) else { return Timestamp(nanoseconds: scaled > 0 ? .max : .min) }
        let (sum, overflow) = nanoseconds.addingReportingOverflow(delta)
        return Timestamp(nanoseconds: overflow ? (delta < 0 ? Int64.min : Int64.max) : sum)
    }

    /// Compares two instants.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// The RFC-3339 form in UTC, with trailing fraction zeros trimmed as Alpaca does.
    public var description: String { rfc3339 }
}
