public import MarketModel

/// One element of `GET /v2/options/contracts`.
public struct WireOptionContract: Sendable, Equatable {
    /// Contract id.
    public var id: String
    /// OCC symbol.
    public var symbol: String
    /// Display name, for example "AAPL Nov 03 2023 170 Call".
    public var name: String?
    /// `active`/`inactive`.
    public var status: String?
    /// Whether it can be traded.
    public var tradable: Bool?
    /// Expiration date.
    public var expirationDate: CalendarDate
    /// Root symbol.
    public var rootSymbol: String?
    /// Underlying symbol.
    public var underlyingSymbol: String
    /// `call` or `put`.
    public var type: OCCSymbol.Kind
    /// `american` or `european`.
    public var style: String?
    /// Strike.
    public var strikePrice: WireDecimal
    /// Multiplier (usually 100).
    public var multiplier: WireDecimal?
    /// Open interest, when known (null for newly listed contracts).
    public var openInterest: Int64?
    /// Open-interest date.
    public var openInterestDate: CalendarDate?
    /// Last close price.
    public var closePrice: WireDecimal?

    /// Reads a contract object.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        func date(_ v: JSONValue) throws(DecodeError) -> CalendarDate {
            guard let d = CalendarDate(iso: try v.string()) else { throw DecodeError("expected YYYY-MM-DD") }
            return d
        }
        id = try json.required("id") { v throws(DecodeError) in try v.string() }
        symbol = try json.required("symbol") { v throws(DecodeError) in try v.string() }
        name = try json.optional("name") { v throws(DecodeError) in try v.string() }
        status = try json.optional("status") { v throws(DecodeError) in try v.string() }
        tradable = try json.optional("tradable") { v throws(DecodeError) in try v.bool() }
        expirationDate = try json.required("expiration_date", date)
        rootSymbol = try json.optional("root_symbol") { v throws(DecodeError) in try v.string() }
        underlyingSymbol = try json.required("underlying_symbol") { v throws(DecodeError) in try v.string() }
        type = try json.required("type") { v throws(DecodeError) in
            guard let kind = OCCSymbol.Kind(rawValue: try v.string()) else { throw DecodeError("expected call|put") }
            return kind
        }
        style = try json.optional("style") { v throws(DecodeError) in try v.string() }
        strikePrice = try json.required("strike_price") { v throws(DecodeError) in try WireDecimal(json: v) }
        multiplier = try json.optional("multiplier") { v throws(DecodeError) in try WireDecimal(json: v) }
        openInterest = try json.optional("open_interest") { v throws(DecodeError) in
            try v.int64(allowingString: true)
        }
        openInterestDate = try json.optional("open_interest_date", date)
        closePrice = try json.optional("close_price") { v throws(DecodeError) in try WireDecimal(json: v) }
    }
}
