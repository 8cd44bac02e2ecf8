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

    /// Creates an empty value (every field missing), for decoders of other framings.
    public init() {}

    /// Reads a bar object.
    /// - Throws: `DecodeError` when a present field has the wrong type.
    public init(json: JSONValue) throws(DecodeError) {
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case JSONKey.t: time = try value.timestamp()
            case JSONKey.o: open = try value.double()
            case JSONKey.h: high = try value.double()
            case JSONKey.l: low = try value.double()
            case JSONKey.c: close = try value.double()
            case JSONKey.v: volume = try value.int64()
            case JSONKey.n: tradeCount = try value.int64()
            case JSONKey.vw: vwap = try value.double()
            default: break
            }
        }
    }
}
