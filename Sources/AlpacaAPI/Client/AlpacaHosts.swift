/// The trading and market-data base URLs.
public struct AlpacaHosts: Sendable, Equatable {
    /// The paper trading host (the default).
    public static let paperTrading = "https://paper-api.alpaca.markets"
    /// The live trading host.
    public static let liveTrading = "https://api.alpaca.markets"
    /// The market-data host.
    public static let marketData = "https://data.alpaca.markets"

    /// Trading API base URL, without a trailing slash.
    public var trading: String
    /// Market-data API base URL, without a trailing slash.
    public var data: String

    /// Creates hosts; trailing slashes are removed.
    public init(trading: String = AlpacaHosts.paperTrading, data: String = AlpacaHosts.marketData) {
        self.trading = Self.trim(trading)
        self.data = Self.trim(data)
    }

    /// Hosts from `APCA_API_BASE_URL` / `APCA_API_DATA_URL`, overridden by explicit values.
    public static func resolve(
        environment: [String: String], trading: String? = nil, data: String? = nil
    ) -> AlpacaHosts {
        AlpacaHosts(
            trading: trading ?? environment["APCA_API_BASE_URL"] ?? paperTrading,
            data: data ?? environment["APCA_API_DATA_URL"] ?? marketData)
    }

    /// Whether the trading host is Alpaca's paper host.
    public var isPaper: Bool { trading.contains("paper-api.") }

    private static func trim(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
