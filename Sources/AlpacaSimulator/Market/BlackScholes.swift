import Foundation

/// European Black-Scholes prices and greeks (no dividends).
struct BlackScholes: Sendable {
    /// Spot price of the underlying.
    let spot: Double
    /// Strike.
    let strike: Double
    /// Years to expiry (> 0).
    let years: Double
    /// Annualised volatility (> 0).
    let volatility: Double
    /// Continuously compounded risk-free rate.
    let rate: Double

    private var d1: Double {
        (log(spot / strike) + (rate + volatility * volatility / 2) * years) / (volatility * years.squareRoot())
    }
    private var d2: Double { d1 - volatility * years.squareRoot() }
    private var discount: Double { exp(-rate * years) }

    /// The standard normal cumulative distribution.
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// The standard normal density.
    static func normalPDF(_ x: Double) -> Double { exp(-x * x / 2) / (2 * Double.pi).squareRoot() }

    /// The call value.
    var call: Double { spot * Self.normalCDF(d1) - strike * discount * Self.normalCDF(d2) }

    /// The put value.
    var put: Double { strike * discount * Self.normalCDF(-d2) - spot * Self.normalCDF(-d1) }

    /// Delta of a call (put: call delta − 1).
    var callDelta: Double { Self.normalCDF(d1) }

    /// Gamma (same for calls and puts).
    var gamma: Double { Self.normalPDF(d1) / (spot * volatility * years.squareRoot()) }

    /// Vega per one volatility point (0.01).
    var vega: Double { spot * Self.normalPDF(d1) * years.squareRoot() / 100 }

    /// Theta per calendar day of a call.
    var callTheta: Double {
        (-spot * Self.normalPDF(d1) * volatility / (2 * years.squareRoot())
            - rate * strike * discount * Self.normalCDF(d2)) / 365
    }

    /// Theta per calendar day of a put.
    var putTheta: Double {
        (-spot * Self.normalPDF(d1) * volatility / (2 * years.squareRoot())
            + rate * strike * discount * Self.normalCDF(-d2)) / 365
    }

    /// Rho per one rate point (0.01) of a call.
    var callRho: Double { strike * years * discount * Self.normalCDF(d2) / 100 }

    /// Rho per one rate point (0.01) of a put.
    var putRho: Double { -strike * years * discount * Self.normalCDF(-d2) / 100 }
}
