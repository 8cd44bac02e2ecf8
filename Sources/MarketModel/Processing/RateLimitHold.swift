/// A hold on an upstream host after a 429: no request goes to it before `until`.
public struct RateLimitHold: Sendable, Equatable {
    /// When requests resume, epoch seconds (after the client's cap).
    public var until: Double
    /// When the server's headers asked them to resume, epoch seconds (before the cap).
    public var requested: Double

    /// Creates a value.
    public init(until: Double, requested: Double) {
        self.until = until
        self.requested = requested
    }

    /// Whether the client's cap shortened the server's request (a far-future or malformed reset).
    public var isCapped: Bool { requested > until }
}
