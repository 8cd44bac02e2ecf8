import Foundation
import MarketModel

/// A deterministic price path: the log price is a sum of linearly interpolated Gaussian noise at
/// several time scales (1 s up to a quarter), which behaves like a random walk over any horizon
/// up to a few months and steps once per second.
struct PricePath: Sendable {
    /// The price the path wanders around.
    let basePrice: Double
    /// Annualised volatility.
    let volatility: Double
    /// The per-symbol, per-seed key.
    let key: UInt64

    /// The scales in seconds; each contributes variance proportional to its length.
    static let scales: [Int64] = [1, 10, 60, 600, 3600, 6 * 3600, 86_400, 5 * 86_400, 21 * 86_400, 63 * 86_400]
    static let secondsPerYear = 365.25 * 86_400

    /// The price during the one-second bucket containing `instant`.
    func price(at instant: Timestamp) -> Double {
        basePrice * exp(logOffset(second: instant.wholeSeconds))
    }

    /// The price during the one-second bucket starting at `second`, reading slow knots from `knots`.
    ///
    /// The result is bit-identical to ``price(at:)`` at that second, with or without a table.
    func price(second: Int64, knots: PathKnotTable?) -> Double {
        basePrice * exp(logOffset(second: second, knots: knots))
    }

    /// The log-price offset from the base at a whole second.
    func logOffset(second: Int64) -> Double { logOffset(second: second, knots: nil) }

    /// The log-price offset from the base at a whole second, reading slow knots from `knots` when
    /// it covers that second (same terms, same order, so the same bits as without it).
    func logOffset(second: Int64, knots: PathKnotTable?) -> Double {
        let table = knots.flatMap { $0.covers(second) ? $0 : nil }
        var sum = 0.0
        for (index, period) in Self.scales.enumerated() {
            let knot = second >= 0 ? second / period : (second - period + 1) / period
            let fraction = Double(second - knot * period) / Double(period)
            let a: Double
            let b: Double
            if let table, index >= PathKnotTable.firstScale {
                a = table.gaussian(scale: index, knot: knot)
                b = table.gaussian(scale: index, knot: knot + 1)
            } else {
                a = gaussian(scale: index, knot: knot)
                b = gaussian(scale: index, knot: knot + 1)
            }
            let sigma = volatility * (Double(period) / (2 * Self.secondsPerYear)).squareRoot()
            sum += sigma * (a + (b - a) * fraction)
        }
        return sum
    }

    /// The standard normal knot `knot` of scale index `scale`: a hashed Box–Muller draw.
    func gaussian(scale: Int, knot: Int64) -> Double {
        let word = StableHash.combine(key, UInt64(scale), UInt64(bitPattern: knot))
        let u1 = max(StableHash.unit(word), 1e-12)
        let u2 = StableHash.unit(StableHash.mix(word))
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
