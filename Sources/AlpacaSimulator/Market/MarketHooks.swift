/// The mutable test-hook state behind ``SimulatedMarket``.
struct MarketHooks: Sendable {
    /// Overrides by stock symbol.
    var stockOverrides: [String: QuoteOverride] = [:]
    /// Overrides by option contract symbol.
    var optionOverrides: [String: QuoteOverride] = [:]
    /// Position prices by stock symbol, served in `/v2/positions` instead of the market's.
    var positionPrices: [String: Double] = [:]
    /// Asset names by symbol.
    var assetNames: [String: String] = [:]
    /// Scripted error responses by path.
    var errors: [String: (status: Int, message: String)] = [:]
    /// Paths whose next responses are cut in half (status and framing intact), with how many are left.
    var truncations: [String: Int] = [:]
}
