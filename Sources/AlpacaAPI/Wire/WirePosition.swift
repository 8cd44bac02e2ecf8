/// One element of `GET /v2/positions` (money and quantities are decimal strings).
public struct WirePosition: Sendable, Equatable {
    /// Asset id (the contract id for options).
    public var assetID: String
    /// Symbol (OCC for options).
    public var symbol: String
    /// The asset class (`us_equity`, `us_option`, and so on).
    public var assetClass: String
    /// `long` or `short`.
    public var side: String
    /// Quantity.
    public var quantity: WireDecimal
    /// Average entry price.
    public var averageEntryPrice: WireDecimal
    /// Market value.
    public var marketValue: WireDecimal?
    /// Cost basis.
    public var costBasis: WireDecimal?
    /// Unrealized P/L.
    public var unrealizedPL: WireDecimal?
    /// Current price.
    public var currentPrice: WireDecimal?
    /// Change today as a fraction.
    public var changeToday: WireDecimal?
    /// Unrealized profit or loss as a fraction of the cost basis.
    public var unrealizedPLPercent: WireDecimal?
    /// The day's unrealized profit or loss.
    public var unrealizedIntradayPL: WireDecimal?
    /// The day's unrealized profit or loss as a fraction.
    public var unrealizedIntradayPLPercent: WireDecimal?

    /// Reads a position object.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        assetID = try json.required("asset_id") { v throws(DecodeError) in try v.string() }
        symbol = try json.required("symbol") { v throws(DecodeError) in try v.string() }
        assetClass = try json.required("asset_class") { v throws(DecodeError) in try v.string() }
        side = try json.required("side") { v throws(DecodeError) in try v.string() }
        quantity = try json.required("qty") { v throws(DecodeError) in try WireDecimal(json: v) }
        averageEntryPrice = try json.required("avg_entry_price") { v throws(DecodeError) in try WireDecimal(json: v) }
        marketValue = try json.optional("market_value") { v throws(DecodeError) in try WireDecimal(json: v) }
        costBasis = try json.optional("cost_basis") { v throws(DecodeError) in try WireDecimal(json: v) }
        unrealizedPL = try json.optional("unrealized_pl") { v throws(DecodeError) in try WireDecimal(json: v) }
        currentPrice = try json.optional("current_price") { v throws(DecodeError) in try WireDecimal(json: v) }
        changeToday = try json.optional("change_today") { v throws(DecodeError) in try WireDecimal(json: v) }
        unrealizedPLPercent = try json.optional("unrealized_plpc") { v throws(DecodeError) in try WireDecimal(json: v) }
        unrealizedIntradayPL = try json.optional("unrealized_intraday_pl") { v throws(DecodeError) in
            try WireDecimal(json: v)
        }
        unrealizedIntradayPLPercent = try json.optional("unrealized_intraday_plpc") { v throws(DecodeError) in
            try WireDecimal(json: v)
        }
    }
}
