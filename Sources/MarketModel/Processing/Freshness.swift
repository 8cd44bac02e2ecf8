/// How fresh a value is relative to the market session.
public enum Freshness: String, Sendable, Hashable, Codable {
    /// Within the limit for the current session.
    case fresh
    /// Past the limit; shown with a stale mark.
    case stale
}
