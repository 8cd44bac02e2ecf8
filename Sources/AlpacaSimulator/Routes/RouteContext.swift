import MarketModel

/// What a route handler gets: the request, the market, the clock and hooks fixed for this request.
struct RouteContext: Sendable {
    /// The parsed request.
    let request: SimRequest
    /// The market.
    let market: SimulatedMarket
    /// The clock state at the start of the request.
    let clock: ClockState
    /// The hook state at the start of the request.
    let hooks: MarketHooks
    /// Server-wide state (stats, counters).
    let server: ServerState

    /// A query reader with the data API's error style.
    var dataQuery: QueryReader { QueryReader(query: request.query, style: .data) }

    /// A query reader with the trading API's error style.
    var tradingQuery: QueryReader { QueryReader(query: request.query, style: .trading) }

    /// The `feed` parameter, checked against `allowed` and then against the keys' entitlement.
    ///
    /// Alpaca answers a recent-SIP request without the subscription with 403 and this message;
    /// the simulator answers OPRA without entitlement the same way (its own wording).
    func feed(_ query: QueryReader, _ allowed: [String], default defaultValue: String) throws(APIError) -> String {
        let feed = try query.choice("feed", allowed, default: defaultValue)
        if let entitled = server.configuration.entitledFeeds, !entitled.contains(feed) {
            throw APIError(
                status: 403, code: 42_210_000,
                message: "subscription does not permit querying recent \(feed.uppercased()) data")
        }
        return feed
    }

    /// The New York date of "now".
    var today: CalendarDate { NewYorkTime(clock.now).date }

    /// The trading day whose session the served prices belong to.
    var sessionDay: CalendarDate {
        let date = NewYorkTime(clock.priceTime).date
        if TradingCalendar.isTradingDay(date) && clock.priceTime > TradingCalendar.open(on: date) { return date }
        return TradingCalendar.tradingDay(1, before: date)
    }

    /// A snapshot entry with the data faults that fire for `symbol` applied, and its key.
    func withDataFaults(symbol: String, key: String, _ entry: JSONValue) -> (key: String, entry: JSONValue) {
        let kinds = server.faults.dataFaults(path: request.path, symbol: symbol)
        guard !kinds.isEmpty else { return (key, entry) }
        return DataFault.apply(kinds, to: entry, key: key, now: clock.now, priceTime: clock.priceTime)
    }
}
