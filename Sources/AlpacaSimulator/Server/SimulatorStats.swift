/// Counters the simulator keeps, as served by `GET /_sim/stats`.
public struct SimulatorStats: Sendable, Equatable {
    /// TCP connections accepted.
    public var connectionsAccepted: Int = 0
    /// Requests by path (without query); `/_sim/stats` itself is not counted.
    public var requestsByPath: [String: Int] = [:]
    /// Responses by HTTP status.
    public var responsesByStatus: [Int: Int] = [:]
    /// Responses altered or replaced by the fault stage (scripted errors).
    public var faultsInjected: Int = 0
    /// Faults the fault layer injected, by kind name (`status:429`, `crossed`, …).
    public var faultsByKind: [String: Int] = [:]
    /// All requests counted in ``requestsByPath``.
    public var requestsTotal: Int = 0
    /// Stream connections upgraded.
    public var streamConnections: Int = 0
    /// Stream messages sent, by `T` (`q`, `t`, `b`, `error`, …).
    public var streamMessagesByType: [String: Int] = [:]
    /// Stream errors sent, by code (407 counts a slow client dropped, whether or not it arrived).
    public var streamErrorsByCode: [Int: Int] = [:]

    /// Creates empty counters.
    public init() {}

    /// The number of requests to one path.
    /// - Parameter path: The request path without query.
    /// - Returns: The count, 0 when never requested.
    public func requests(to path: String) -> Int { requestsByPath[path] ?? 0 }
}
