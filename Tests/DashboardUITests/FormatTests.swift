import Testing

@testable import DashboardUI

struct FormatTests {
    @Test func latencyNeverShowsASubMicrosecondStageAsZero() {
        #expect(Format.latency(0.000_000_2) == "<1µs")
        #expect(Format.latency(0.000_000_6) == "1µs")
        #expect(Format.latency(0.000_85) == "850µs")
        #expect(Format.latency(0.012) == "12ms")
        #expect(Format.latency(1.25) == "1.25s")
        #expect(Format.latency(nil) == "—")
    }

    @Test func fixedMatchesTheStringBuildingReference() {
        var rng = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 0.004, -0.004, 0.005, -0.005, 0.5, 1, -1, 9.995, 99.999, 187.5, 1e14, -1e14, 999_999_999_999.99,
            .nan, .infinity, -.infinity, 1e15, 0.000_049, 123_456.789_5,
        ]
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -6...12, using: &rng)
            values.append(
                (Bool.random(using: &rng) ? 1 : -1) * Double.random(in: 0..<10, using: &rng) * pow10(magnitude))
        }
        for value in values {
            for digits in 0...4 {
                #expect(Format.fixed(value, digits) == Format.fixedReference(value, digits), "\(value) \(digits)")
            }
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        var n = Int(exponent)
        while n > 0 {
            result *= 10
            n -= 1
        }
        while n < 0 {
            result /= 10
            n += 1
        }
        return result
    }
}
