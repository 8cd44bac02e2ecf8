/// The market-data stream as the status bar and the Upstream panel show it.
public struct StreamStatus: Sendable, Equatable {
    /// Where the stream stands.
    public enum State: Sendable, Equatable {
        /// Not wanted: `--no-stream`, or no session is on.
        case off(reason: String)
        /// Connecting, authenticating or subscribing.
        case connecting
        /// Connected and subscribed: ticks arrive.
        case streaming
        /// Lost; the next attempt is at this time (data is polled meanwhile).
        case reconnecting(at: Timestamp)
        /// The stream cannot be had for now (406, 402, 409, …); data is polled, and the stream is
        /// tried again at this time.
        case polling(reason: String, retryAt: Timestamp?)
    }

    /// The state.
    public var state: State
    /// The stream's URL (host and path, no credentials).
    public var url: String
    /// The framing in use (`msgpack`, `json`).
    public var framing: String
    /// Symbols the stream delivers.
    public var subscribed: [String] = []
    /// Symbols that did not fit the plan's symbol limit (405) and are polled.
    public var overflow: [String] = []
    /// Messages per second over the last 10 s, by type (`q`, `t`, `b`, …).
    public var messagesPerSecond: [String: Double] = [:]
    /// Messages since start, by type.
    public var messagesTotal: [String: Int] = [:]
    /// Lag (arrival − the message's own time) p50 and p99 in milliseconds, over recent messages.
    public var lagP50: Double?
    /// See ``lagP50``.
    public var lagP99: Double?
    /// Connections made after the first.
    public var reconnects = 0
    /// Stalls detected (a session on and the stream silent past the threshold).
    public var stalls = 0
    /// Reseeds from REST snapshots after a (re)connect.
    public var reseeds = 0
    /// Gaps: times the stream was lost with symbols subscribed.
    public var gaps = 0
    /// Stream messages rejected by a rule.
    public var rejected = 0
    /// Stream values older than the one held, kept off the screen (V011).
    public var outOfOrder = 0
    /// The last error code the server sent, with its message.
    public var lastErrorCode: Int?
    /// See ``lastErrorCode``; or a transport failure's text.
    public var lastErrorMessage: String?

    /// Creates a status.
    public init(state: State, url: String, framing: String) {
        self.state = state
        self.url = url
        self.framing = framing
    }

    /// Whether ticks are arriving for `subscribed`.
    public var isStreaming: Bool { state == .streaming }
}
