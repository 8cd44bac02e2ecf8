/// Option sensitivities as Alpaca computes them (Black-Scholes).
public struct Greeks: Sendable, Equatable {
    /// ∂price/∂underlying.
    public var delta: Double
    /// ∂delta/∂underlying.
    public var gamma: Double
    /// ∂price/∂time, per day.
    public var theta: Double
    /// ∂price/∂volatility.
    public var vega: Double
    /// ∂price/∂rate.
    public var rho: Double

    /// Creates a set of greeks.
    public init(delta: Double, gamma: Double, theta: Double, vega: Double, rho: Double) {
        self.delta = delta
        self.gamma = gamma
        self.theta = theta
        self.vega = vega
        self.rho = rho
    }
}
