/// Where the US equity market is in its day.
public enum MarketSession: String, Sendable, Hashable, Codable, CaseIterable {
    /// 04:00–09:30 New York on a trading day.
    case preMarket = "pre_market"
    /// The regular session, 09:30–16:00.
    case regular = "open"
    /// 16:00–20:00 on a trading day.
    case afterHours = "after_hours"
    /// Everything else.
    case closed
}
