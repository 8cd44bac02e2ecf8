import FaultInjection
import MarketModel

/// The trading-API endpoints (`/v2/clock`, account, positions, orders, assets, contracts, watchlists).
enum TradingRoutes {
    /// `GET /v2/clock`: times with the New York offset.
    static func clock(_ context: RouteContext) -> SimResponse {
        let clock = context.clock
        func text(_ instant: Timestamp) -> JSONValue {
            .string(instant.rfc3339(offsetSeconds: NewYorkTime.offset(at: instant)))
        }
        return .json(
            .object([
                "timestamp": text(clock.now), "is_open": .bool(clock.isOpen), "next_open": text(clock.nextOpen),
                "next_close": text(clock.nextClose),
            ]))
    }

    /// `GET /v2/calendar?start=&end=`: trading days (default: 30 days either side of today).
    static func calendar(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.tradingQuery
        let start = try query.date("start") ?? context.today.adding(days: -30)
        let end = try query.date("end") ?? context.today.adding(days: 30)
        _ = try query.choice("date_type", ["TRADING", "SETTLEMENT"], default: "TRADING")
        guard end.daysSinceEpoch - start.daysSinceEpoch <= 366 * 60 else { throw query.invalid("date range too large") }
        let days = TradingCalendar.tradingDays(from: start, through: end).map { day -> JSONValue in
            .object([
                "date": .string(day.description), "open": .string("09:30"), "close": .string("16:00"),
                "session_open": .string("0400"), "session_close": .string("2000"),
                "settlement_date": .string(TradingCalendar.nextTradingDay(after: day).description),
            ])
        }
        return .json(.array(days))
    }

    /// `GET /v2/account`.
    static func account(_ context: RouteContext) -> SimResponse {
        let book = book(context)
        var longValue = 0.0
        var lastValue = 0.0
        for holding in book.holdings {
            let prices = book.prices(of: holding)
            longValue += Double(holding.quantity) * prices.current * prices.multiplier
            lastValue += Double(holding.quantity) * prices.lastDay * prices.multiplier
        }
        let cash = book.cash
        let equity = cash + longValue
        let d = { (value: Double) in WireEncoder.decimal(value) }
        return .json(
            .object([
                "id": .string(book.accountID), "account_number": .string(book.accountNumber),
                "status": .string("ACTIVE"), "crypto_status": .string("ACTIVE"), "crypto_tier": .int(1),
                "currency": .string("USD"), "buying_power": d(2 * cash), "regt_buying_power": d(2 * cash),
                "daytrading_buying_power": d(0), "effective_buying_power": d(2 * cash),
                "non_marginable_buying_power": d(cash), "options_buying_power": d(cash), "bod_dtbp": .int(0),
                "cash": d(cash), "accrued_fees": d(0), "portfolio_value": d(equity), "pattern_day_trader": .bool(false),
                "trading_blocked": .bool(false), "transfers_blocked": .bool(false), "account_blocked": .bool(false),
                "created_at": .string(book.createdAt.rfc3339), "trade_suspended_by_user": .bool(false),
                "multiplier": .string("2"), "shorting_enabled": .bool(true), "equity": d(equity),
                "last_equity": d(cash + lastValue), "long_market_value": d(longValue), "short_market_value": d(0),
                "position_market_value": d(longValue), "initial_margin": d(longValue / 2),
                "maintenance_margin": d(longValue * 0.3), "last_maintenance_margin": d(lastValue * 0.3),
                "sma": d(equity), "daytrade_count": .int(0), "balance_asof": .string(context.today.description),
                "options_trading_level": .int(2), "intraday_adjustments": d(0), "pending_reg_taf_fees": d(0),
                "pending_transfer_in": d(0),
                "admin_configurations": .object([:]), "user_configurations": .null,
            ]))
    }

    /// `GET /v2/positions`: three stocks and one option.
    static func positions(_ context: RouteContext) -> SimResponse {
        let book = book(context)
        return .json(.array(book.holdings.map { position(book, $0) }))
    }

    /// `GET /v2/positions/{symbol}`.
    static func position(_ context: RouteContext, symbol: String) throws(APIError) -> SimResponse {
        let book = book(context)
        guard let holding = book.holdings.first(where: { $0.symbol == symbol }) else {
            throw .notFound("position does not exist")
        }
        return .json(position(book, holding))
    }

    private static func position(_ book: TradingBook, _ holding: TradingBook.Holding) -> JSONValue {
        let prices = book.prices(of: holding)
        let quantity = Double(holding.quantity)
        let value = quantity * prices.current * prices.multiplier
        let cost = quantity * prices.entry * prices.multiplier
        let lastValue = quantity * prices.lastDay * prices.multiplier
        let isOption = holding.contract != nil
        let exchange = isOption ? "" : StockProfile(symbol: holding.symbol, seed: book.seed).exchange
        func ratio(_ a: Double, _ b: Double) -> JSONValue { WireEncoder.decimal(b == 0 ? 0 : a / b, places: 10) }
        return .object([
            "asset_id": .string(book.assetID(of: holding)), "symbol": .string(holding.symbol),
            "exchange": .string(exchange), "asset_class": .string(isOption ? "us_option" : "us_equity"),
            "asset_marginable": .bool(!isOption), "avg_entry_price": WireEncoder.decimal(prices.entry, places: 4),
            "qty": .string(String(holding.quantity)), "qty_available": .string(String(holding.quantity)),
            "side": .string("long"), "market_value": WireEncoder.decimal(value),
            "cost_basis": WireEncoder.decimal(cost), "unrealized_pl": WireEncoder.decimal(value - cost),
            "unrealized_plpc": ratio(value - cost, cost),
            "unrealized_intraday_pl": WireEncoder.decimal(value - lastValue),
            "unrealized_intraday_plpc": ratio(value - lastValue, lastValue),
            "current_price": WireEncoder.decimal(prices.current, places: 4),
            "lastday_price": WireEncoder.decimal(prices.lastDay, places: 4),
            "change_today": ratio(prices.current - prices.lastDay, prices.lastDay),
        ])
    }

    /// `GET /v2/orders?status=&limit=&direction=`.
    static func orders(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.tradingQuery
        let status = try query.choice("status", ["open", "closed", "all"], default: "open")
        let limit = try query.int("limit", default: 50, range: 1...500)
        let direction = try query.choice("direction", ["asc", "desc"], default: "desc")
        let book = book(context)
        var orders = book.orders.filter { order in
            let isOpen = order.status == "new" || order.status == "accepted"
            return status == "all" || (status == "open") == isOpen
        }
        if direction == "asc" { orders.reverse() }
        return .json(.array(orders.prefix(limit).map(order)))
    }

    private static func order(_ order: TradingBook.Order) -> JSONValue {
        let created = JSONValue.string(order.createdAt.rfc3339)
        let submitted = JSONValue.string(order.createdAt.adding(seconds: -0.091).rfc3339)
        let filledAt: JSONValue =
            order.filledPrice != nil ? .string(order.createdAt.adding(seconds: 0.5).rfc3339) : .null
        let canceledAt: JSONValue =
            order.status == "canceled" ? .string(order.createdAt.adding(seconds: 600).rfc3339) : .null
        return .object([
            "id": .string(order.id), "client_order_id": .string(StableHash.uuid(StableHash.fnv1a(order.id))),
            "created_at": created, "updated_at": created, "submitted_at": submitted, "filled_at": filledAt,
            "expired_at": .null, "canceled_at": canceledAt, "failed_at": .null, "replaced_at": .null,
            "replaced_by": .null, "replaces": .null,
            "asset_id": .string(StableHash.uuid(StableHash.fnv1a(order.symbol))),
            "symbol": .string(order.symbol), "asset_class": .string(order.assetClass), "notional": .null,
            "qty": .string(String(order.quantity)),
            "filled_qty": .string(order.filledPrice != nil ? String(order.quantity) : "0"),
            "filled_avg_price": order.filledPrice.map { WireEncoder.decimal($0, places: 4) } ?? .null,
            "order_class": .string(""), "order_type": .string(order.type), "type": .string(order.type),
            "side": .string(order.side), "time_in_force": .string("day"),
            "limit_price": order.limitPrice.map { WireEncoder.decimal($0, places: 4) } ?? .null,
            "stop_price": .null, "status": .string(order.status), "extended_hours": .bool(false), "legs": .null,
            "trail_percent": .null, "trail_price": .null, "hwm": .null, "source": .null, "subtag": .null,
        ])
    }

    /// `GET /v2/assets?status=&asset_class=`: the known universe (watchlist, holdings, named assets).
    static func assets(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.tradingQuery
        let status = query.string("status") ?? "active"
        let assetClass = query.string("asset_class") ?? "us_equity"
        let exchange = query.string("exchange")
        guard status == "active", assetClass == "us_equity" else { return .json(.array([])) }
        let book = book(context)
        var symbols = Set(book.watchlist)
        for holding in book.holdings where holding.contract == nil { symbols.insert(holding.symbol) }
        for symbol in context.hooks.assetNames.keys where SymbolFormat.isStock(symbol) && context.market.exists(symbol)
        {
            symbols.insert(symbol)
        }
        let items = symbols.sorted().compactMap { symbol -> JSONValue? in
            if let exchange, StockProfile(symbol: symbol, seed: context.market.seed).exchange != exchange { return nil }
            return asset(symbol, context: context, borrowStatus: true)
        }
        return .json(.array(items))
    }

    /// `GET /v2/assets/{symbol}`: any valid, existing symbol; 404 otherwise.
    static func asset(_ context: RouteContext, symbol: String) throws(APIError) -> SimResponse {
        guard SymbolFormat.isStock(symbol), context.market.exists(symbol) else {
            throw .notFound("asset not found")
        }
        return .json(asset(symbol, context: context, borrowStatus: true))
    }

    /// The asset object for a symbol.
    static func asset(_ symbol: String, context: RouteContext, borrowStatus: Bool) -> JSONValue {
        let profile = StockProfile(symbol: symbol, seed: context.market.seed)
        var members: [String: JSONValue] = [
            "id": .string(profile.assetID), "class": .string("us_equity"), "exchange": .string(profile.exchange),
            "symbol": .string(symbol), "name": .string(context.market.assetName(symbol, hooks: context.hooks)),
            "status": .string("active"), "tradable": .bool(true), "marginable": .bool(true),
            "shortable": .bool(true), "easy_to_borrow": .bool(true), "fractionable": .bool(true),
        ]
        if borrowStatus { members["borrow_status"] = .string("easy_to_borrow") }
        // The fault layer's `hostile` kind reaches asset names too (reliability.md D10).
        if context.server.faults.dataFaults(path: context.request.path, symbol: symbol).contains(.hostile) {
            members["name"] = .string(DataFault.hostileText)
        }
        return .object(members)
    }

    /// `GET /v2/watchlists`.
    static func watchlists(_ context: RouteContext) -> SimResponse {
        let book = book(context)
        return .json(.array([watchlistHeader(book)].map { .object($0) }))
    }

    /// `GET /v2/watchlists/{id}`.
    static func watchlist(_ context: RouteContext, id: String) throws(APIError) -> SimResponse {
        let book = book(context)
        guard id == book.watchlistID else { throw .notFound("watchlist not found") }
        var members = watchlistHeader(book)
        members["assets"] = .array(book.watchlist.map { asset($0, context: context, borrowStatus: false) })
        return .json(.object(members))
    }

    private static func watchlistHeader(_ book: TradingBook) -> [String: JSONValue] {
        [
            "id": .string(book.watchlistID), "account_id": .string(book.accountID),
            "name": .string("Primary Watchlist"), "created_at": .string(book.createdAt.rfc3339),
            "updated_at": .string(book.createdAt.rfc3339),
        ]
    }

    /// The book for this request.
    static func book(_ context: RouteContext) -> TradingBook {
        TradingBook(seed: context.market.seed, market: context.market, clock: context.clock)
    }
}
