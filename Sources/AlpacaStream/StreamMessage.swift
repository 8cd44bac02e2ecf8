public import AlpacaAPI
public import MarketModel

/// One element of a server frame, decoded but not yet validated.
public enum StreamMessage: Sendable, Equatable {
    /// `t`: a trade.
    case trade(symbol: String, WireTrade)
    /// `q`: a quote.
    case quote(symbol: String, WireQuote)
    /// `b`, `d` or `u`: a minute, daily or updated bar.
    case bar(StreamBarKind, symbol: String, WireBar)
    /// `s`: a trading status.
    case status(symbol: String, StreamTradingStatus)
    /// `success`: `connected` or `authenticated`.
    case success(String)
    /// `error`: a code (400–411, 500) and its message.
    case error(code: Int, message: String)
    /// `subscription`: the full current set.
    case subscription(StreamSubscription)
    /// A message type the dashboard does not use (LULD, corrections, cancels, imbalances, news).
    case ignored(type: String)
    /// An element that could not be read: its symbol when one was found, and why.
    case malformed(symbol: String?, reason: String)

    /// The symbol of a data message (or a malformed one that named it).
    public var symbol: String? {
        switch self {
        case .trade(let s, _), .quote(let s, _), .bar(_, let s, _), .status(let s, _): s
        case .malformed(let s, _): s
        default: nil
        }
    }

    /// Whether this is market data (or a data message that could not be read), not control.
    public var isData: Bool {
        switch self {
        case .trade, .quote, .bar, .status, .malformed: true
        case .success, .error, .subscription, .ignored: false
        }
    }

    /// The wire type (`t`, `q`, `b`, …), for counting.
    public var typeCode: String {
        switch self {
        case .trade: "t"
        case .quote: "q"
        case .bar(let kind, _, _): kind.rawValue
        case .status: "s"
        case .success: "success"
        case .error: "error"
        case .subscription: "subscription"
        case .ignored(let type): type.count <= 12 ? type : "other"
        case .malformed: "malformed"
        }
    }

    /// The message's own time, when it carries one.
    public var time: Timestamp? {
        switch self {
        case .trade(_, let t): t.time
        case .quote(_, let q): q.time
        case .bar(_, _, let b): b.time
        case .status(_, let s): s.time
        default: nil
        }
    }
}

/// Which bar a bar message carries.
public enum StreamBarKind: String, Sendable, Equatable {
    /// `b`: a completed minute bar.
    case minute = "b"
    /// `d`: the day's bar so far.
    case daily = "d"
    /// `u`: a minute bar corrected by late trades.
    case updated = "u"
}
