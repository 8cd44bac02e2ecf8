public import MarketModel

extension AlpacaClient {
    /// `GET /v2/clock`.
    public func clock() async throws -> WireClock {
        let endpoint = "GET /v2/clock"
        return try decodeOne(
            try await getJSON(.trading, "/v2/clock", endpoint: endpoint), endpoint: endpoint,
            WireClock.init(json:))
    }

    /// `GET /v2/calendar` between two dates (inclusive).
    public func calendar(start: CalendarDate? = nil, end: CalendarDate? = nil) async throws -> [Entry<WireCalendarDay>]
    {
        let endpoint = "GET /v2/calendar"
        var query = QueryItems()
        query.add("start", start?.description)
        query.add("end", end?.description)
        let root = try await getJSON(.trading, "/v2/calendar", query: query, endpoint: endpoint)
        return try decodeList(root, endpoint: endpoint, WireCalendarDay.init(json:))
    }

    /// `GET /v2/account`.
    public func account() async throws -> WireAccount {
        let endpoint = "GET /v2/account"
        return try decodeOne(
            try await getJSON(.trading, "/v2/account", endpoint: endpoint), endpoint: endpoint,
            WireAccount.init(json:))
    }

    /// `GET /v2/positions`.
    public func positions() async throws -> [Entry<WirePosition>] {
        let endpoint = "GET /v2/positions"
        let root = try await getJSON(.trading, "/v2/positions", endpoint: endpoint)
        return try decodeList(root, endpoint: endpoint, WirePosition.init(json:))
    }

    /// `GET /v2/orders` (read only).
    /// - Parameters:
    ///   - status: `open` (default), `closed` or `all`.
    ///   - limit: At most 500.
    public func orders(status: String? = nil, limit: Int? = nil) async throws -> [Entry<WireOrder>] {
        let endpoint = "GET /v2/orders"
        var query = QueryItems()
        query.add("status", status)
        query.add("limit", limit.map { min(500, max(1, $0)) })
        let root = try await getJSON(.trading, "/v2/orders", query: query, endpoint: endpoint)
        return try decodeList(root, endpoint: endpoint, WireOrder.init(json:))
    }

    /// `GET /v2/assets`.
    public func assets(status: String? = nil, assetClass: String? = nil) async throws -> [Entry<WireAsset>] {
        let endpoint = "GET /v2/assets"
        var query = QueryItems()
        query.add("status", status)
        query.add("asset_class", assetClass)
        let root = try await getJSON(.trading, "/v2/assets", query: query, endpoint: endpoint)
        return try decodeList(root, endpoint: endpoint, WireAsset.init(json:))
    }

    /// `GET /v2/assets/{symbol}`.
    public func asset(_ symbol: String) async throws -> WireAsset {
        let endpoint = "GET /v2/assets/{symbol}"
        let root = try await getJSON(.trading, "/v2/assets/" + Self.segment(symbol), endpoint: endpoint)
        return try decodeOne(root, endpoint: endpoint, WireAsset.init(json:))
    }

    /// `GET /v2/watchlists`.
    public func watchlists() async throws -> [Entry<WireWatchlist>] {
        let endpoint = "GET /v2/watchlists"
        let root = try await getJSON(.trading, "/v2/watchlists", endpoint: endpoint)
        return try decodeList(root, endpoint: endpoint, WireWatchlist.init(json:))
    }

    /// `GET /v2/watchlists/{id}`.
    public func watchlist(id: String) async throws -> WireWatchlist {
        let endpoint = "GET /v2/watchlists/{id}"
        let root = try await getJSON(.trading, "/v2/watchlists/" + Self.segment(id), endpoint: endpoint)
        return try decodeOne(root, endpoint: endpoint, WireWatchlist.init(json:))
    }
}
