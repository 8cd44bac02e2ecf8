/// A fixed-size, log-spaced histogram of durations with about 4.4 % relative precision.
///
/// Buckets are eight per power of two from 2⁻²⁰ s (≈ 0.95 µs) to 2⁶ s (64 s), plus one bucket below
/// and one above. A percentile is answered with the geometric middle of the bucket holding the
/// requested rank, clamped to the smallest and largest sample seen, so it is within
/// ``relativePrecision`` of the exact nearest-rank quantile for samples inside the range. A rank that
/// falls below or above the range is answered with the smallest or largest sample.
/// Recording does not allocate: the bucket array is allocated once, at creation.
public struct LatencyHistogram: Sendable, Equatable {
    /// The lower bound of the first regular bucket: 2⁻²⁰ s.
    public static let lowestBound = Double(sign: .plus, exponent: lowestExponent, significand: 1)
    /// The upper bound of the last regular bucket: 2⁶ s = 64 s.
    public static let highestBound = Double(sign: .plus, exponent: highestExponent, significand: 1)
    /// The worst relative error of a percentile inside the range: 2^(1/16) − 1 ≈ 4.43 %.
    public static let relativePrecision = halfStep - 1

    private static let lowestExponent = -20
    private static let highestExponent = 6
    private static let bucketsPerOctave = 8
    private static let regularBuckets = (highestExponent - lowestExponent) * bucketsPerOctave
    /// 2^(k/8) for k = 0…7: where each bucket of an octave starts, relative to the octave.
    private static let steps: [Double] = [
        1, 1.090_507_732_665_257_7, 1.189_207_115_002_721, 1.296_839_554_651_009_6,
        1.414_213_562_373_095_1, 1.542_210_825_407_940_7, 1.681_792_830_507_429, 1.834_008_086_409_342_4,
    ]
    /// 2^(1/16): from a bucket's lower bound to its geometric middle.
    private static let halfStep = 1.044_273_782_427_413_8

    /// Counts: index 0 below `lowestBound`, then the regular buckets, then the last at or above `highestBound`.
    private var buckets: [Int]
    /// The number of samples.
    public private(set) var count = 0
    /// The sum of all samples, in seconds.
    public private(set) var sum = 0.0
    private var smallest = Double.infinity
    private var largest = -Double.infinity

    /// Creates an empty histogram.
    public init() {
        buckets = [Int](repeating: 0, count: Self.regularBuckets + 2)
    }

    /// The smallest sample, nil when empty.
    public var min: Double? { count == 0 ? nil : smallest }

    /// The largest sample, nil when empty.
    public var max: Double? { count == 0 ? nil : largest }

    /// The mean sample, nil when empty.
    public var mean: Double? { count == 0 ? nil : sum / Double(count) }

    /// Adds one duration.
    ///
    /// Negative and NaN durations count as 0; infinite ones as the largest finite value.
    /// - Parameter seconds: The duration in seconds.
    public mutating func record(seconds: Double) {
        let value = seconds.isNaN || seconds < 0 ? 0 : Swift.min(seconds, .greatestFiniteMagnitude)
        buckets[Self.bucket(for: value)] += 1
        count += 1
        sum += value
        if value < smallest { smallest = value }
        if value > largest { largest = value }
    }

    /// The nearest-rank percentile, within ``relativePrecision`` for samples inside the range.
    ///
    /// - Parameter fraction: The rank as a fraction in 0…1: 0.5 is the median, 0.99 the 99th percentile;
    ///   0 gives the smallest sample and 1 the largest.
    /// - Returns: The estimate in seconds, or nil when the histogram is empty.
    public func percentile(_ fraction: Double) -> Double? {
        precondition(fraction >= 0 && fraction <= 1, "a percentile is a fraction in 0...1")
        guard count > 0 else { return nil }
        if fraction == 0 { return smallest }
        if fraction == 1 { return largest }
        let rank = Swift.max(1, Swift.min(count, Int((fraction * Double(count)).rounded(.up))))
        var seen = 0
        for (index, bucketCount) in buckets.enumerated() {
            seen += bucketCount
            guard seen >= rank else { continue }
            if index == 0 { return smallest }
            if index == buckets.count - 1 { return largest }
            return Swift.min(Swift.max(Self.middle(of: index), smallest), largest)
        }
        return largest
    }

    /// The bucket of a non-negative, finite duration: no logarithm, just the exponent and a few comparisons.
    private static func bucket(for value: Double) -> Int {
        guard value >= lowestBound else { return 0 }
        let exponent = Int(value.exponent)
        guard exponent < highestExponent else { return regularBuckets + 1 }
        let significand = value.significand
        var step = 0
        if significand >= steps[4] { step = 4 }
        if significand >= steps[step + 2] { step += 2 }
        if significand >= steps[step + 1] { step += 1 }
        return (exponent - lowestExponent) * bucketsPerOctave + step + 1
    }

    /// The geometric middle of a regular bucket.
    private static func middle(of index: Int) -> Double {
        let exponent = (index - 1) / bucketsPerOctave + lowestExponent
        let step = (index - 1) % bucketsPerOctave
        return Double(sign: .plus, exponent: exponent, significand: steps[step]) * halfStep
    }
}
