/// Maps a request's method and path segments to its handler.
enum RouteTable {
    /// Which credentials failure a path answers with.
    enum Host: Sendable {
        /// Market data (`/v2/stocks`, `/v1beta1`): 403 on bad keys.
        case data
        /// Trading (`/v2/...`): 401 on bad keys.
        case trading
        /// The simulator's own `/_sim` paths: no keys, no rate limit.
        case simulator
    }

    /// The host class of a path.
    static func host(of segments: [String]) -> Host {
        switch segments.first {
        case "_sim": .simulator
        case "v1beta1": .data
        case "v2" where segments.count > 1 && segments[1] == "stocks": .data
        default: .trading
        }
    }

    /// Routes a request; throws ``APIError`` for bad input and unknown paths.
    static func dispatch(_ context: RouteContext) async throws -> SimResponse {
        let s = context.request.segments
        if s == ["_sim", "faults"] { return try SimRoutes.faults(context) }
        if s == ["_sim", "requests"] { return SimRoutes.requests(context) }
        guard context.request.method == "GET" || context.request.method == "HEAD" else {
            throw APIError(status: 405, code: nil, message: "method not allowed")
        }
        switch s.count {
        case 2:
            switch (s[0], s[1]) {
            case ("v2", "clock"): return TradingRoutes.clock(context)
            case ("v2", "calendar"): return try TradingRoutes.calendar(context)
            case ("v2", "account"): return TradingRoutes.account(context)
            case ("v2", "positions"): return TradingRoutes.positions(context)
            case ("v2", "orders"): return try TradingRoutes.orders(context)
            case ("v2", "assets"): return try TradingRoutes.assets(context)
            case ("v2", "watchlists"): return TradingRoutes.watchlists(context)
            case ("_sim", "stats"): return SimRoutes.stats(context)
            default: break
            }
        case 3:
            switch (s[0], s[1], s[2]) {
            case ("v2", "stocks", "snapshots"): return try StockRoutes.snapshots(context)
            case ("v2", "stocks", "bars"): return try StockRoutes.bars(context)
            case ("v2", "positions", let symbol): return try TradingRoutes.position(context, symbol: symbol)
            case ("v2", "assets", let symbol): return try TradingRoutes.asset(context, symbol: symbol)
            case ("v2", "watchlists", let id): return try TradingRoutes.watchlist(context, id: id)
            case ("v2", "options", "contracts"): return try ContractRoutes.contracts(context)
            case ("v1beta1", "options", "snapshots"): return try OptionRoutes.snapshots(context)
            default: break
            }
        case 4:
            switch (s[0], s[1], s[2], s[3]) {
            case ("v2", "stocks", "quotes", "latest"): return try StockRoutes.latest(context, kind: .quotes)
            case ("v2", "stocks", "trades", "latest"): return try StockRoutes.latest(context, kind: .trades)
            case ("v2", "stocks", "bars", "latest"): return try StockRoutes.latest(context, kind: .bars)
            case ("v2", "stocks", let symbol, "snapshot"): return try StockRoutes.snapshot(context, symbol: symbol)
            case ("v2", "stocks", let symbol, "bars"): return try StockRoutes.barsSingle(context, symbol: symbol)
            case ("v2", "options", "contracts", let symbol): return try ContractRoutes.contract(context, symbol: symbol)
            case ("v1beta1", "options", "snapshots", let underlying):
                return try OptionRoutes.chain(context, underlying: underlying)
            case ("v1beta1", "options", "quotes", "latest"): return try OptionRoutes.latest(context, trades: false)
            case ("v1beta1", "options", "trades", "latest"): return try OptionRoutes.latest(context, trades: true)
            default: break
            }
        case 5:
            if s[0] == "v2", s[1] == "stocks", s[4] == "latest", let kind = StockRoutes.Latest(rawValue: s[3]) {
                return try StockRoutes.latestSingle(context, symbol: s[2], kind: kind)
            }
        default:
            break
        }
        if s.count >= 3, s[0] == "_sim", s[1] == "test" {
            return try await TransportTestRoutes.route(context, s[2...])
        }
        throw APIError.notFound("endpoint not found")
    }
}
