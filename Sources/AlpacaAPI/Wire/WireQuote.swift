public import MarketModel

/// A quote as Alpaca sends it (stocks and options). Price 0 means "no bid/ask".
public struct WireQuote: Sendable, Equatable {
    /// `t`: when it was made.
    public var time: Timestamp?
    /// `bx`: bid exchange.
    public var bidExchange: String?
    /// `bp`: bid price.
    public var bidPrice: Double?
    /// `bs`: bid size.
    public var bidSize: Int64?
    /// `ax`: ask exchange.
    public var askExchange: String?
    /// `ap`: ask price.
    public var askPrice: Double?
    /// `as`: ask size.
    public var askSize: Int64?
    /// `c`: conditions.
    public var conditions: [String]?
    /// `z`: tape.
    public var tape: String?

    /// Reads a quote object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        time = try json.optional("t") { v throws(DecodeError) in try v.timestamp() }
        bidExchange = try json.optional("bx") { v throws(DecodeError) in try v.string() }
        bidPrice = try json.optional("bp") { v throws(DecodeError) in try v.double() }
        bidSize = try json.optional("bs") { v throws(DecodeError) in try v.int64() }
        askExchange = try json.optional("ax") { v throws(DecodeError) in try v.string() }
        askPrice = try json.optional("ap") { v throws(DecodeError) in try v.double() }
        askSize = try json.optional("as") { v throws(DecodeError) in try v.int64() }
        conditions = try json.optional("c") { v throws(DecodeError) in try v.stringList() }
        tape = try json.optional("z") { v throws(DecodeError) in try v.string() }
    }
}
