import Foundation

/// Price rounding helpers shared by the generators.
enum Rounding {
    /// Rounds to a number of decimal places.
    static func round(_ value: Double, places: Int) -> Double {
        let scale = pow(10.0, Double(places))
        return (value * scale).rounded() / scale
    }

    /// Rounds a stock price to its tick: cents from $1, hundredths of a cent below.
    static func stockPrice(_ value: Double) -> Double { value >= 1 ? round(value, places: 2) : round(value, places: 4) }

    /// Rounds down to a multiple of `tick`.
    static func floor(_ value: Double, tick: Double) -> Double {
        round((value / tick + 1e-9).rounded(.down) * tick, places: 4)
    }

    /// Rounds up to a multiple of `tick`.
    static func ceil(_ value: Double, tick: Double) -> Double {
        round((value / tick - 1e-9).rounded(.up) * tick, places: 4)
    }
}
