public import MarketModel

/// One order from `GET /v2/orders` (read only; the product never places or changes orders).
public struct WireOrder: Sendable, Equatable {
    /// Order id.
    public var id: String
    /// Client order id.
    public var clientOrderID: String
    /// Symbol; `""` on multi-leg parents becomes nil.
    public var symbol: String?
    /// `simple`, `bracket`, `oco`, `oto`, `mleg` (`""` becomes `simple`).
    public var orderClass: String
    /// Order type; `""` becomes nil.
    public var type: String?
    /// `buy`/`sell`; `""` becomes nil.
    public var side: String?
    /// Quantity (string or number on the wire).
    public var quantity: WireDecimal?
    /// Filled quantity.
    public var filledQuantity: WireDecimal?
    /// Average fill price.
    public var filledAveragePrice: WireDecimal?
    /// Limit price.
    public var limitPrice: WireDecimal?
    /// Status.
    public var status: String
    /// Time in force.
    public var timeInForce: String
    /// The stop price of stop and stop-limit orders.
    public var stopPrice: WireDecimal?
    /// When the order was submitted.
    public var submittedAt: Timestamp?
    /// Creation time.
    public var createdAt: Timestamp
    /// Legs of a multi-leg order.
    public var legs: [WireOrder]

    /// Reads an order object.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        func nonEmpty(_ key: String) throws(DecodeError) -> String? {
            let text = try json.optional(key) { v throws(DecodeError) in try v.string() }
            return text?.isEmpty == false ? text : nil
        }
        id = try json.required("id") { v throws(DecodeError) in try v.string() }
        clientOrderID = try json.required("client_order_id") { v throws(DecodeError) in try v.string() }
        symbol = try nonEmpty("symbol")
        orderClass = try nonEmpty("order_class") ?? "simple"
        type = try nonEmpty("type")
        side = try nonEmpty("side")
        quantity = try json.optional("qty") { v throws(DecodeError) in try WireDecimal(json: v) }
        filledQuantity = try json.optional("filled_qty") { v throws(DecodeError) in try WireDecimal(json: v) }
        filledAveragePrice = try json.optional("filled_avg_price") { v throws(DecodeError) in
            try WireDecimal(json: v)
        }
        limitPrice = try json.optional("limit_price") { v throws(DecodeError) in try WireDecimal(json: v) }
        status = try json.required("status") { v throws(DecodeError) in try v.string() }
        timeInForce = try json.required("time_in_force") { v throws(DecodeError) in try v.string() }
        createdAt = try json.required("created_at") { v throws(DecodeError) in try v.timestamp() }
        stopPrice = try json.optional("stop_price") { v throws(DecodeError) in try WireDecimal(json: v) }
        submittedAt = try json.optional("submitted_at") { v throws(DecodeError) in try v.timestamp() }
        legs =
            try json.optional("legs") { v throws(DecodeError) in
                var out: [WireOrder] = []
                for element in try v.elements() { out.append(try WireOrder(json: element)) }
                return out
            } ?? []
    }
}
