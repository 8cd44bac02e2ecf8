/// An option snapshot: quote, trade, greeks and IV, any of which may be absent.
public struct WireOptionSnapshot: Sendable, Equatable {
    /// `latestTrade`.
    public var latestTrade: WireTrade?
    /// `latestQuote`.
    public var latestQuote: WireQuote?
    /// `greeks`.
    public var greeks: WireGreeks?
    /// `impliedVolatility`.
    public var impliedVolatility: Double?
    /// `dailyBar`.
    public var dailyBar: WireBar?
    /// `minuteBar`.
    public var minuteBar: WireBar?
    /// `prevDailyBar`.
    public var previousDailyBar: WireBar?

    /// An empty snapshot: nothing known yet.
    public init() {}

    /// Reads an option snapshot object.
    /// - Throws: `DecodeError` when a part is malformed.
    public init(json: JSONValue) throws(DecodeError) {
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case JSONKey.latestTrade: latestTrade = try WireTrade(json: value)
            case JSONKey.latestQuote: latestQuote = try WireQuote(json: value)
            case JSONKey.greeks: greeks = try WireGreeks(json: value)
            case JSONKey.impliedVolatility: impliedVolatility = try value.double()
            case JSONKey.dailyBar: dailyBar = try WireBar(json: value)
            case JSONKey.minuteBar: minuteBar = try WireBar(json: value)
            case JSONKey.prevDailyBar: previousDailyBar = try WireBar(json: value)
            default: break
            }
        }
    }
}

/// Option greeks; when present all five are required.
public struct WireGreeks: Sendable, Equatable {
    /// delta.
    public var delta: Double
    /// gamma.
    public var gamma: Double
    /// theta.
    public var theta: Double
    /// vega.
    public var vega: Double
    /// rho.
    public var rho: Double

    /// Reads a greeks object.
    /// - Throws: `DecodeError` when a greek is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        delta = try json.required("delta") { v throws(DecodeError) in try v.double() }
        gamma = try json.required("gamma") { v throws(DecodeError) in try v.double() }
        theta = try json.required("theta") { v throws(DecodeError) in try v.double() }
        vega = try json.required("vega") { v throws(DecodeError) in try v.double() }
        rho = try json.required("rho") { v throws(DecodeError) in try v.double() }
    }
}
