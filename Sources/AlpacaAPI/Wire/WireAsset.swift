/// `GET /v2/assets/{symbol}` and elements of `GET /v2/assets`.
public struct WireAsset: Sendable, Equatable {
    /// Asset id.
    public var id: String
    /// Asset class (the key is `class`).
    public var assetClass: String
    /// Exchange.
    public var exchange: String
    /// Symbol.
    public var symbol: String
    /// Name: free text from upstream; sanitize before display.
    public var name: String?
    /// `active` or `inactive`.
    public var status: String
    /// Whether it can be traded.
    public var tradable: Bool
    /// Attributes such as `has_options`.
    public var attributes: [String]

    /// Reads an asset object.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        id = try json.required("id") { v throws(DecodeError) in try v.string() }
        assetClass = try json.required("class") { v throws(DecodeError) in try v.string() }
        exchange = try json.required("exchange") { v throws(DecodeError) in try v.string() }
        symbol = try json.required("symbol") { v throws(DecodeError) in try v.string() }
        name = try json.optional("name") { v throws(DecodeError) in try v.string() }
        status = try json.required("status") { v throws(DecodeError) in try v.string() }
        tradable = try json.required("tradable") { v throws(DecodeError) in try v.bool() }
        attributes = try json.optional("attributes") { v throws(DecodeError) in try v.stringList() } ?? []
    }
}
