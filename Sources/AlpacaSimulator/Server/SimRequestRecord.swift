/// One request as the simulator's request log keeps it (`GET /_sim/requests`): when it arrived,
/// where it went, what was answered, and whether it carried credentials — never their values.
public struct SimRequestRecord: Sendable, Equatable {
    /// Arrival time, seconds since the epoch (wall clock, whatever the market clock says).
    public var time: Double
    /// The method.
    public var method: String
    /// The path without the query.
    public var path: String
    /// The raw query string (empty when none).
    public var query: String
    /// The response status.
    public var status: Int
    /// Whether an `APCA-API-KEY-ID` or `APCA-API-SECRET-KEY` header came with it.
    public var carriedCredentials: Bool
    /// A stable 64-bit hash of the key id and secret (hex), so tests can tell keys apart without
    /// the log holding either.
    public var credentialHash: String?
    /// Whether the fault stage answered it or changed its response.
    public var faultInjected: Bool
}
