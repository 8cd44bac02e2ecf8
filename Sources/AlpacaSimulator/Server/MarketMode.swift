/// How the simulated market clock behaves.
public enum MarketMode: String, Sendable, Hashable, CaseIterable {
    /// Forced open: prices move and `/v2/clock` says `is_open: true`.
    case open
    /// Forced closed: prices frozen at the last session close.
    case closed
    /// Forced pre-market: the clock says closed but prices move.
    case pre
    /// Forced after-hours: the clock says closed but prices move.
    case post
    /// Follow New York time: weekdays 09:30–16:00 open, otherwise closed with frozen prices.
    case auto
}
