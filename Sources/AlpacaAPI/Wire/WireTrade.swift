public import MarketModel

/// A trade as Alpaca sends it (stocks and options).
///
/// Every field is optional here; ingress
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

    /// Creates an empty value (every field missing), for decoders of other framings.
    public init() {}

    /// Reads a trade object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case JSONKey.t: time = try value.timestamp()
            case JSONKey.x: exchange = try value.string()
            case JSONKey.p: price = try value.double()
            case JSONKey.s: size = try value.int64()
            case JSONKey.i: id = try value.int64()
            case JSONKey.c: conditions = try value.stringList()
            case JSONKey.z: tape = try value.string()
            default: break
            }
        }
    }
}
