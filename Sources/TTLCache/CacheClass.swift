/// The data classes of the cache, each with its own TTL and counters.
public enum CacheClass: String, Sendable, Hashable, CaseIterable {
    /// Quotes, trades and snapshots: short-lived.
    case realTime = "real-time"
    /// Bars and other history: changes slowly.
    case historical
    /// Assets, calendars, contract listings: changes rarely.
    case reference

    /// The position of this class in `allCases`, used to index per-class arrays.
    @inlinable var ordinal: Int {
        switch self {
        case .realTime: 0
        case .historical: 1
        case .reference: 2
        }
    }
}
