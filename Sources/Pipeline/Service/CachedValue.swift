public import AlpacaAPI
public import MarketModel

/// What the TTL cache holds: only values that came out of the pipeline, or reference data.
public enum CachedValue: Sendable {
    /// A processed stock quote (real-time class).
    indirect case stock(ProcessedStockQuote)
    /// A processed option quote (real-time class).
    indirect case option(ProcessedOptionQuote)
    /// A processed option chain for one expiration (real-time class).
    indirect case chain(OptionChainView)
    /// Contract listings of one underlying (reference class).
    case contracts([WireOptionContract])
    /// Validated bars (historical class).
    case bars([Bar])
    /// The closes of validated daily bars, oldest first, for a sparkline (historical class).
    case closes([Double])
    /// The market clock (real-time class).
    case clock(MarketClock)
}
