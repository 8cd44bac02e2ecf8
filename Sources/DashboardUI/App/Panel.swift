/// The seven panels of the dashboard, numbered as their keys.
public enum Panel: Int, CaseIterable, Sendable, Hashable {
    /// Quotes of the watchlist.
    case watchlist = 1
    /// The option chain of one underlying.
    case optionChain
    /// Quality score per symbol.
    case quality
    /// Recent validation failures.
    case validation
    /// Cache and pipeline-stage statistics.
    case cache
    /// Upstream endpoints, rate limit and connection.
    case upstream
    /// The account, positions and open orders (read-only).
    case portfolio

    /// The tab title.
    public var title: String {
        switch self {
        case .watchlist: return "Watchlist"
        case .optionChain: return "Option chain"
        case .quality: return "Quality"
        case .validation: return "Validation failures"
        case .cache: return "Cache & pipeline"
        case .upstream: return "Upstream"
        case .portfolio: return "Portfolio"
        }
    }

    /// The tab title for narrow terminals.
    public var shortTitle: String {
        switch self {
        case .watchlist: return "Watch"
        case .optionChain: return "Chain"
        case .quality: return "Quality"
        case .validation: return "Fails"
        case .cache: return "Cache"
        case .upstream: return "Upstr"
        case .portfolio: return "Port"
        }
    }
}
