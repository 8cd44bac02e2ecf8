public import AlpacaStream
public import MarketModel

/// Where the stream client sends what it receives.
public struct StreamHandlers: Sendable {
    /// Data messages of one frame (trades, quotes, bars, statuses, malformed), with their arrival
    /// time; awaited before the next frame is read, so they stay in order.
    public var data: @Sendable ([StreamMessage], Timestamp) async -> Void
    /// Symbols just subscribed (after every connect), whose REST snapshots are fetched.
    ///
    /// So no value from before the gap stays on screen unmarked. Awaited before data is read on.
    public var reseed: @Sendable ([String]) async -> Void
    /// The stream's status after every change (and at most four times a second while streaming).
    public var status: @Sendable (StreamStatus) -> Void
    /// Whether a session (regular or extended) is on: the stream is used only then, and a silent
    /// stream is a stall only then.
    public var sessionOn: @Sendable () async -> Bool

    /// Creates handlers.
    public init(
        data: @escaping @Sendable ([StreamMessage], Timestamp) async -> Void,
        reseed: @escaping @Sendable ([String]) async -> Void,
        status: @escaping @Sendable (StreamStatus) -> Void,
        sessionOn: @escaping @Sendable () async -> Bool
    ) {
        self.data = data
        self.reseed = reseed
        self.status = status
        self.sessionOn = sessionOn
    }
}
