/// One of the account's watchlists on Alpaca (`/v2/watchlists`), as the pipeline accepted it.
///
/// The dashboard only reads them: opening one replaces the local watchlist (saved to the config
/// file), and nothing is ever written back to Alpaca.
public struct AlpacaWatchlist: Sendable, Equatable {
    /// Alpaca's id.
    public var id: String
    /// The name (upstream text: sanitized when drawn).
    public var name: String
    /// When Alpaca last changed it.
    public var updatedAt: Timestamp?

    /// Creates a watchlist entry.
    public init(id: String, name: String, updatedAt: Timestamp?) {
        self.id = id
        self.name = name
        self.updatedAt = updatedAt
    }
}
