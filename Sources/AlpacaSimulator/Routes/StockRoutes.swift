import FaultInjection
import MarketModel

/// The stock market-data endpoints under `/v2/stocks`.
enum StockRoutes {
    static let latestFeeds = ["sip", "iex", "delayed_sip", "otc", "boats", "overnight"]
    static let historicalFeeds = ["sip", "iex", "otc", "boats"]

    /// `GET /v2/stocks/snapshots?symbols=`: a flat map, `null` for unknown symbols.
    static func snapshots(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.dataQuery
        let symbols = try query.stockSymbols()
        _ = try context.feed(query, latestFeeds, default: "iex")
        var map: [String: JSONValue] = [:]
        for symbol in symbols {
            guard context.market.exists(symbol) else {
                map[symbol] = .null
                continue
            }
            let view = StockView(symbol: symbol, context: context)
            let (key, entry) = context.withDataFaults(
                symbol: symbol, key: view.key, view.snapshotJSON(context: context))
            map[key] = entry
        }
        return .json(.object(map))
    }

    /// `GET /v2/stocks/{symbol}/snapshot`: one snapshot plus `symbol`.
    static func snapshot(_ context: RouteContext, symbol: String) throws(APIError) -> SimResponse {
        guard SymbolFormat.isStock(symbol) else { throw .badParameter("invalid symbol: \(symbol)") }
        _ = try context.feed(context.dataQuery, latestFeeds, default: "iex")
        guard context.market.exists(symbol) else { throw .notFound("no snapshot found for \(symbol)") }
        let view = StockView(symbol: symbol, context: context)
        if let raw = view.rawSnapshot {
            return SimResponse(
                status: 200, headers: [("Content-Type", "application/json; charset=UTF-8")],
                body: .bytes(Array(raw.utf8)))
        }
        guard case .object(var members) = view.snapshotJSON(context: context) else {
            throw .notFound("no snapshot found for \(symbol)")
        }
        members["symbol"] = .string(symbol)
        return .json(.object(members))
    }

    /// Which latest object a latest endpoint serves.
    enum Latest: String, Sendable {
        /// Latest quotes.
        case quotes
        /// Latest trades.
        case trades
        /// Latest minute bars.
        case bars

        /// The singular key of the single-symbol form.
        var singular: String { String(rawValue.dropLast()) }
    }

    /// `GET /v2/stocks/{quotes|trades|bars}/latest?symbols=`: maps without unknown symbols.
    static func latest(_ context: RouteContext, kind: Latest) throws(APIError) -> SimResponse {
        let query = context.dataQuery
        let symbols = try query.stockSymbols()
        _ = try context.feed(query, latestFeeds, default: "iex")
        var map: [String: JSONValue] = [:]
        for symbol in symbols where context.market.exists(symbol) {
            let view = StockView(symbol: symbol, context: context)
            guard !view.isNull else { continue }
            let (key, value) = faulted(latestValue(view, kind: kind, context: context), kind: kind, view, context)
            map[key] = value
        }
        return .json(.object([kind.rawValue: .object(map)]))
    }

    /// `GET /v2/stocks/{symbol}/{quotes|trades|bars}/latest`: `{"symbol": …, "quote": …}`.
    static func latestSingle(_ context: RouteContext, symbol: String, kind: Latest) throws(APIError) -> SimResponse {
        guard SymbolFormat.isStock(symbol) else { throw .badParameter("invalid symbol: \(symbol)") }
        _ = try context.feed(context.dataQuery, latestFeeds, default: "iex")
        let view = StockView(symbol: symbol, context: context)
        guard context.market.exists(symbol), !view.isNull else {
            throw .notFound("no \(kind.singular) found for \(symbol)")
        }
        return .json(
            .object(["symbol": .string(symbol), kind.singular: latestValue(view, kind: kind, context: context)]))
    }

    /// A latest quote or trade with the data faults that fire for its symbol, applied in the
    /// snapshot shape they are written for (`latestQuote`/`latestTrade`) and taken back out.
    private static func faulted(
        _ value: JSONValue, kind: Latest, _ view: StockView, _ context: RouteContext
    ) -> (key: String, value: JSONValue) {
        let field = kind == .quotes ? "latestQuote" : kind == .trades ? "latestTrade" : "minuteBar"
        let (key, entry) = context.withDataFaults(symbol: view.symbol, key: view.key, .object([field: value]))
        guard case .object(let members) = entry else { return (key, entry) }
        return (key, members[field] ?? .null)
    }

    private static func latestValue(_ view: StockView, kind: Latest, context: RouteContext) -> JSONValue {
        switch kind {
        case .quotes: view.quoteJSON
        case .trades: view.tradeJSON
        case .bars: WireEncoder.bar(view.minuteBar(context: context))
        }
    }

    /// `GET /v2/stocks/bars`: bars per symbol, symbol-major, `limit` across symbols, paginated.
    static func bars(_ context: RouteContext) throws(APIError) -> SimResponse {
        let symbols = try context.dataQuery.stockSymbols().sorted()
        let page = try barPage(context, symbols: symbols)
        var map: [String: JSONValue] = [:]
        for (symbol, bars) in page.bars { map[symbol] = .array(faultedBars(bars, symbol: symbol, context)) }
        return .json(.object(["bars": .object(map), "next_page_token": .string(page.token)]))
    }

    /// `GET /v2/stocks/{symbol}/bars`: `{"bars": [...], "next_page_token": …, "symbol": …}`.
    static func barsSingle(_ context: RouteContext, symbol: String) throws(APIError) -> SimResponse {
        guard SymbolFormat.isStock(symbol) else { throw .badParameter("invalid symbol: \(symbol)") }
        let page = try barPage(context, symbols: [symbol])
        let bars = page.bars.first?.bars ?? []
        return .json(
            .object([
                "bars": .array(faultedBars(bars, symbol: symbol, context)), "next_page_token": .string(page.token),
                "symbol": .string(symbol),
            ]))
    }

    /// The bars as JSON, with the symbol's data faults applied to every tenth bar (chosen by the
    /// bar's time, so the same bars are hit on every request): the bar rules see one bad bar
    /// among good ones.
    static func faultedBars(_ bars: [SimBar], symbol: String, _ context: RouteContext) -> [JSONValue] {
        let kinds = context.server.faults.dataFaults(path: context.request.path, symbol: symbol)
        return bars.map { bar in
            let json = WireEncoder.bar(bar)
            guard !kinds.isEmpty, StableHash.mix(UInt64(bitPattern: bar.time.wholeSeconds)) % 10 == 0 else {
                return json
            }
            return kinds.reduce(json) { DataFault.applyToBar($1, $0) }
        }
    }

    private static func barPage(
        _ context: RouteContext, symbols: [String]
    ) throws(APIError) -> (bars: [(symbol: String, bars: [SimBar])], token: String?) {
        let query = context.dataQuery
        guard let timeframeText = query.string("timeframe"), let timeframe = Timeframe(timeframeText) else {
            throw .invalidTimeframe
        }
        let now = context.clock.now
        let start = try query.time("start") ?? NewYorkTime.instant(date: context.today, secondOfDay: 0)
        let end = try query.time("end", endOfDay: true) ?? now
        guard start <= end else { throw .badParameter("end should not be before start") }
        let limit = try query.int("limit", default: 1000, range: 1...10_000)
        let descending = try query.choice("sort", ["asc", "desc"], default: "asc") == "desc"
        _ = try query.choice("feed", historicalFeeds, default: "sip")
        _ = try query.choice("adjustment", ["raw", "split", "dividend", "spin-off", "all"], default: "raw")
        var cursor: BarSeries.Cursor?
        if let token = query.string("page_token") {
            let parts = PageToken.decode(token)?.split(separator: "|").map(String.init) ?? []
            guard parts.count == 3, symbols.contains(parts[0]), parts[1] == timeframe.canonical,
                let time = Timestamp(rfc3339: parts[2])
            else { throw .badParameter("invalid page token") }
            cursor = BarSeries.Cursor(symbol: parts[0], time: time)
        }
        let series = BarSeries(
            timeframe: timeframe, start: start, end: end, horizon: min(now, context.clock.priceTime),
            descending: descending)
        let engines = symbols.filter { context.market.exists($0) }.map { context.market.engine($0) }
        let page = series.page(engines: engines, limit: limit, from: cursor)
        var token = page.next.map {
            PageToken.encode("\($0.symbol)|\(timeframe.canonical)|\($0.time.rfc3339NineDigits)")
        }
        // Page faults (D9): another page always follows; or the token asked with comes back.
        let asked = query.string("page_token")
        let fromLastBar = page.bars.last.flatMap { last in
            last.bars.last.map {
                PageToken.encode("\(last.symbol)|\(timeframe.canonical)|\($0.time.rfc3339NineDigits)")
            }
        }
        switch context.server.faults.pageFault(path: context.request.path) {
        case .endlessPages?: token = token ?? fromLastBar ?? asked
        case .repeatToken?: token = asked ?? token ?? fromLastBar
        default: break
        }
        return (page.bars, token)
    }
}
