public import MarketModel

/// The filters of the option-chain endpoint (`/v1beta1/options/snapshots/{underlying}`) and of
/// the contract listing (`/v2/options/contracts`).
public struct OptionChainFilter: Sendable, Equatable {
    /// Only calls or only puts.
    public var type: OCCSymbol.Kind?
    /// Lowest strike.
    public var strikePriceGTE: Double?
    /// Highest strike.
    public var strikePriceLTE: Double?
    /// Exactly this expiration.
    public var expirationDate: CalendarDate?
    /// Expirations on or after.
    public var expirationDateGTE: CalendarDate?
    /// Expirations on or before.
    public var expirationDateLTE: CalendarDate?
    /// Only this root symbol (for example `SPXW`).
    public var rootSymbol: String?

    /// Creates a filter; nil fields are not sent.
    public init(
        type: OCCSymbol.Kind? = nil, strikePriceGTE: Double? = nil, strikePriceLTE: Double? = nil,
        expirationDate: CalendarDate? = nil, expirationDateGTE: CalendarDate? = nil,
        expirationDateLTE: CalendarDate? = nil, rootSymbol: String? = nil
    ) {
        self.type = type
        self.strikePriceGTE = strikePriceGTE
        self.strikePriceLTE = strikePriceLTE
        self.expirationDate = expirationDate
        self.expirationDateGTE = expirationDateGTE
        self.expirationDateLTE = expirationDateLTE
        self.rootSymbol = rootSymbol
    }

    func apply(to query: inout QueryItems) {
        query.add("type", type?.rawValue)
        query.add("strike_price_gte", strikePriceGTE)
        query.add("strike_price_lte", strikePriceLTE)
        query.add("expiration_date", expirationDate?.description)
        query.add("expiration_date_gte", expirationDateGTE?.description)
        query.add("expiration_date_lte", expirationDateLTE?.description)
        query.add("root_symbol", rootSymbol)
    }
}
