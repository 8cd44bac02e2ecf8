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

    /// Reads a snapshot object.
    /// - Throws: `DecodeError` when a part is malformed.
    public init(json: JSONValue) throws(DecodeError) {
        guard json.isObject else { throw DecodeError("expected an object") }
        latestTrade = try json.optional("latestTrade") { v throws(DecodeError) in try WireTrade(json: v) }
        latestQuote = try json.optional("latestQuote") { v throws(DecodeError) in try WireQuote(json: v) }
        minuteBar = try json.optional("minuteBar") { v throws(DecodeError) in try WireBar(json: v) }
        dailyBar = try json.optional("dailyBar") { v throws(DecodeError) in try WireBar(json: v) }
        previousDailyBar = try json.optional("prevDailyBar") { v throws(DecodeError) in try WireBar(json: v) }
    }
}
