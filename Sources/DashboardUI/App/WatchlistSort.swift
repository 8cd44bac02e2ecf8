/// The orders the watchlist can be sorted in (`s` cycles through them).
public enum WatchlistSort: Int, CaseIterable, Sendable {
    /// The configured watchlist order.
    case watchlistOrder
    /// By symbol.
    case symbol
    /// By change %, largest first.
    case changePercent
    /// By volume, largest first.
    case volume
    /// By quality score, worst first.
    case quality
    /// By data age, oldest first.
    case age

    /// How the order is named in the footer.
    public var title: String {
        switch self {
        case .watchlistOrder: return "watchlist order"
        case .symbol: return "symbol"
        case .changePercent: return "change %"
        case .volume: return "volume"
        case .quality: return "quality"
        case .age: return "age"
        }
    }
}
