public import MarketModel

/// `GET /v2/watchlists` elements and `GET /v2/watchlists/{id}`.
public struct WireWatchlist: Sendable, Equatable {
    /// Watchlist id.
    public var id: String
    /// Account id.
    public var accountID: String
    /// Name (free text; sanitize before display).
    public var name: String
    /// Creation time.
    public var createdAt: Timestamp
    /// Last update.
    public var updatedAt: Timestamp
    /// Assets, in registration order; nil in the list form.
    public var assets: [WireAsset]?

    /// Reads a watchlist object.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        id = try json.required("id") { v throws(DecodeError) in try v.string() }
        accountID = try json.required("account_id") { v throws(DecodeError) in try v.string() }
        name = try json.required("name") { v throws(DecodeError) in try v.string() }
        createdAt = try json.required("created_at") { v throws(DecodeError) in try v.timestamp() }
        updatedAt = try json.required("updated_at") { v throws(DecodeError) in try v.timestamp() }
        assets = try json.optional("assets") { v throws(DecodeError) in
            var out: [WireAsset] = []
            for element in try v.elements() { out.append(try WireAsset(json: element)) }
            return out
        }
    }
}
