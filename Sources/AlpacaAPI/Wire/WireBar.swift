public import MarketModel

/// An OHLCV bar as Alpaca sends it.
public struct WireBar: Sendable, Equatable {
    /// `t`: bar start.
    public var time: Timestamp?
    /// `o`.
    public var open: Double?
    /// `h`.
    public var high: Double?
    /// `l`.
    public var low: Double?
    /// `c`.
    public var close: Double?
    /// `v`.
    public var volume: Int64?
    /// `n`: trade count.
    public var tradeCount: Int64?
    /// `vw`: VWAP.
    public var vwap: Double?

    /// Reads a bar object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        time = try json.optional("t") { v throws(DecodeError) in try v.timestamp() }
        open = try json.optional("o") { v throws(DecodeError) in try v.double() }
        high = try json.optional("h") { v throws(DecodeError) in try v.double() }
        low = try json.optional("l") { v throws(DecodeError) in try v.double() }
        close = try json.optional("c") { v throws(DecodeError) in try v.double() }
        volume = try json.optional("v") { v throws(DecodeError) in try v.int64() }
        tradeCount = try json.optional("n") { v throws(DecodeError) in try v.int64() }
        vwap = try json.optional("vw") { v throws(DecodeError) in try v.double() }
    }
}
