public import MarketModel

/// A screen in the drill-down stack: `.watchlist` → `.optionChain(symbol)` → `.contract(occ)`, or a panel.
public enum Route: Sendable, Hashable {
    /// The watchlist.
    case watchlist
    /// The option chain of an underlying.
    case optionChain(String)
    /// One option contract.
    case contract(OCCSymbol)
    /// The candle chart of a symbol.
    case chart(String)
    /// Quality per symbol.
    case quality
    /// Validation failures.
    case validation
    /// Cache and pipeline stages.
    case cache
    /// Upstream health.
    case upstream
    /// The account, positions and open orders.
    case portfolio

    /// The panel (tab) this route belongs to.
    public var panel: Panel {
        switch self {
        case .watchlist, .chart: return .watchlist
        case .optionChain, .contract: return .optionChain
        case .quality: return .quality
        case .validation: return .validation
        case .cache: return .cache
        case .upstream: return .upstream
        case .portfolio: return .portfolio
        }
    }

    /// The breadcrumb text.
    public var crumb: String {
        switch self {
        case .optionChain(let symbol): return "\(symbol) chain"
        case .contract(let occ): return occ.description
        case .chart(let symbol): return "\(symbol) chart"
        default: return panel.title
        }
    }
}
