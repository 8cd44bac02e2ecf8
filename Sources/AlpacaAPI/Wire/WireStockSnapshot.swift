/// A stock snapshot: each part may be missing or `null`.
public struct WireStockSnapshot: Sendable, Equatable {
    /// `latestTrade`.
    public var latestTrade: WireTrade?
    /// `latestQuote`.
    public var latestQuote: WireQuote?
    /// `minuteBar`.
    public var minuteBar: WireBar?
    /// `dailyBar`.
    public var dailyBar: WireBar?
    /// `prevDailyBar`.
    public var previousDailyBar: WireBar?

    /// Creates an empty snapshot (every part missing).
    public init() {}

    /// Reads a snapshot object.
    /// - Throws: `DecodeError` when a part is malformed.
    public init(json: JSONValue) throws(DecodeError) {
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case JSONKey.latestTrade: latestTrade = try WireTrade(json: value)
            case JSONKey.latestQuote: latestQuote = try WireQuote(json: value)
            case JSONKey.minuteBar: minuteBar = try WireBar(json: value)
            case JSONKey.dailyBar: dailyBar = try WireBar(json: value)
            case JSONKey.prevDailyBar: previousDailyBar = try WireBar(json: value)
            default: break
            }
        }
    }
}
