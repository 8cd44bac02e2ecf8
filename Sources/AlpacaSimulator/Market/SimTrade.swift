import MarketModel

/// One generated trade print (stock or option).
struct SimTrade: Sendable, Equatable {
    /// The trade time.
    var time: Timestamp
    /// Exchange code.
    var exchange: String
    /// Price.
    var price: Double
    /// Size.
    var size: Int
    /// Trade id (stocks only).
    var id: UInt64
    /// Whether the print happened outside the regular session (condition `T`).
    var extendedHours: Bool
}
