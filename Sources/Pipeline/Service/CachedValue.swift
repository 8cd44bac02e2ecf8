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
    /// The account, positions and open orders, with their flags.
    indirect case portfolio(PortfolioView)
    /// A chart's bars, each validated on its own.
    case chart([ChartSeries.Slot])
    /// The closes of validated daily bars, oldest first, for a sparkline (historical class).
    case closes([Double])
    /// The market clock (real-time class).
    case clock(MarketClock)
    /// The regular-session opens of recent trading days from the calendar (reference class).
    case calendar([Timestamp])
}

extension CachedValue {
    /// A value's estimated size in bytes, for the cache's byte bound: inline sizes of its parts,
    /// plus 64 bytes per entry for boxes, strings and array headers.
    public static func estimatedBytes(_ value: CachedValue) -> Int {
        let overhead = 64
        switch value {
        case .stock: return MemoryLayout<ProcessedStockQuote>.stride + overhead
        case .option: return MemoryLayout<ProcessedOptionQuote>.stride + overhead
        case .chain(let view):
            let cells = view.rows.count * 2
            return overhead + view.rows.count * MemoryLayout<OptionChainView.Row>.stride + cells
                * (MemoryLayout<ProcessedOptionQuote>.stride + overhead)
        case .contracts(let list): return overhead + list.count * (MemoryLayout<WireOptionContract>.stride + overhead)
        case .bars(let bars): return overhead + bars.count * MemoryLayout<Bar>.stride
        case .portfolio(let view):
            return overhead + (view.positions.count + view.orders.count) * 512
        case .chart(let slots): return overhead + slots.count * (MemoryLayout<ChartSeries.Slot>.stride + 64)
        case .closes(let closes): return overhead + closes.count * MemoryLayout<Double>.stride
        case .clock: return MemoryLayout<MarketClock>.stride + overhead
        case .calendar(let opens): return overhead + opens.count * MemoryLayout<Timestamp>.stride
        }
    }
}
