public import MarketModel

/// A trade as Alpaca sends it (stocks and options). Every field is optional here; ingress
/// validation decides what is required.
public struct WireTrade: Sendable, Equatable {
    /// `t`: when it happened.
    public var time: Timestamp?
    /// `x`: exchange code (can be lower-case or blank for options).
    public var exchange: String?
    /// `p`: price.
    public var price: Double?
    /// `s`: size.
    public var size: Int64?
    /// `i`: trade id (stocks; exceeds 32 bits).
    public var id: Int64?
    /// `c`: conditions (an array for stocks, one string for options).
    public var conditions: [String]?
    /// `z`: tape.
    public var tape: String?

    /// Reads a trade object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        time = try json.optional("t") { v throws(DecodeError) in try v.timestamp() }
        exchange = try json.optional("x") { v throws(DecodeError) in try v.string() }
        price = try json.optional("p") { v throws(DecodeError) in try v.double() }
        size = try json.optional("s") { v throws(DecodeError) in try v.int64() }
        id = try json.optional("i") { v throws(DecodeError) in try v.int64() }
        conditions = try json.optional("c") { v throws(DecodeError) in try v.stringList() }
        tape = try json.optional("z") { v throws(DecodeError) in try v.string() }
    }
}
