public import MarketModel

/// A quote as Alpaca sends it (stocks and options).
///
/// Price 0 means "no bid/ask".
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

    /// Creates an empty value (every field missing), for decoders of other framings.
    public init() {}

    /// Reads a quote object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case JSONKey.t: time = try value.timestamp()
            case JSONKey.bx: bidExchange = try value.string()
            case JSONKey.bp: bidPrice = try value.double()
            case JSONKey.bs: bidSize = try value.int64()
            case JSONKey.ax: askExchange = try value.string()
            case JSONKey.ap: askPrice = try value.double()
            case JSONKey.as: askSize = try value.int64()
            case JSONKey.c: conditions = try value.stringList()
            case JSONKey.z: tape = try value.string()
            default: break
            }
        }
    }
}
