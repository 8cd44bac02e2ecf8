import MarketMetrics
import TUITestSupport
import Testing

struct LatencyHistogramTests {
    /// The exact nearest-rank quantile of sorted samples.
    private static func exactPercentile(_ sorted: [Double], _ fraction: Double) -> Double {
        let rank = max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
        return sorted[min(sorted.count, rank) - 1]
    }

    private static let fractions = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999]

    @Test func emptyHistogramHasNoPercentiles() {
        let histogram = LatencyHistogram()
        #expect(histogram.count == 0)
        #expect(histogram.percentile(0.5) == nil)
        #expect(histogram.min == nil)
        #expect(histogram.max == nil)
        #expect(histogram.mean == nil)
    }

    @Test func oneSampleIsEveryPercentileExactly() {
        var histogram = LatencyHistogram()
        histogram.record(seconds: 0.012_345)
        for fraction in [0, 0.01, 0.5, 0.99, 1] {
            #expect(histogram.percentile(fraction) == 0.012_345)
        }
    }

    @Test func extremesAreExact() {
        var histogram = LatencyHistogram()
        for value in [0.3, 0.000_01, 2.5, 0.07] { histogram.record(seconds: value) }
        #expect(histogram.percentile(0) == 0.000_01)
        #expect(histogram.percentile(1) == 2.5)
        #expect(histogram.count == 4)
        #expect(histogram.sum == 0.3 + 0.000_01 + 2.5 + 0.07)
    }

    @Test func precisionIsAboutFourAndAHalfPercent() {
        #expect(LatencyHistogram.relativePrecision > 0.044 && LatencyHistogram.relativePrecision < 0.045)
        #expect(LatencyHistogram.lowestBound < 1e-6)
        #expect(LatencyHistogram.highestBound > 60)
    }

    @Test(arguments: [1 as UInt64, 2, 3, 4, 5])
    func percentilesOfLogUniformSamplesAreWithinPrecision(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var histogram = LatencyHistogram()
        var samples: [Double] = []
        for _ in 0..<20_000 {
            // 1 µs … 32 s, spread evenly over octaves.
            let value = Double(
                sign: .plus, exponent: Int.random(in: -20...4, using: &random),
                significand: Double.random(in: 1..<2, using: &random))
            samples.append(value)
            histogram.record(seconds: value)
        }
        samples.sort()
        for fraction in Self.fractions {
            let exact = Self.exactPercentile(samples, fraction)
            let estimate = histogram.percentile(fraction)!
            #expect(
                abs(estimate - exact) / exact <= LatencyHistogram.relativePrecision + 1e-12,
                "p\(fraction * 100): \(estimate) vs \(exact)")
        }
    }

    @Test func percentilesOfANarrowClusterAreWithinPrecision() {
        var random = SeededGenerator(seed: 99)
        var histogram = LatencyHistogram()
        var samples: [Double] = []
        for _ in 0..<5_000 {
            // A typical request latency: 40–60 ms with a 1 % tail to 2 s.
            let value =
                Int.random(in: 0..<100, using: &random) == 0
                ? Double.random(in: 0.2...2, using: &random) : Double.random(in: 0.04...0.06, using: &random)
            samples.append(value)
            histogram.record(seconds: value)
        }
        samples.sort()
        for fraction in Self.fractions {
            let exact = Self.exactPercentile(samples, fraction)
            let estimate = histogram.percentile(fraction)!
            #expect(abs(estimate - exact) / exact <= LatencyHistogram.relativePrecision + 1e-12)
        }
    }

    @Test func outOfRangeAndOddValuesAreCountedWithoutTrapping() {
        var histogram = LatencyHistogram()
        for value in [-1, .nan, 0, 1e-9, 100, .infinity] as [Double] { histogram.record(seconds: value) }
        #expect(histogram.count == 6)
        #expect(histogram.min == 0)
        #expect(histogram.max == .greatestFiniteMagnitude)
        #expect(histogram.percentile(0.5) == 0, "three of six samples count as 0")
        #expect(histogram.percentile(0.99) == .greatestFiniteMagnitude)
    }

    @Test func percentilesNeverDecreaseWithTheFraction() {
        var random = SeededGenerator(seed: 7)
        var histogram = LatencyHistogram()
        for _ in 0..<1_000 { histogram.record(seconds: Double.random(in: 0...10, using: &random)) }
        var previous = 0.0
        for step in 0...1_000 {
            let value = histogram.percentile(Double(step) / 1_000)!
            #expect(value >= previous)
            previous = value
        }
    }
}
