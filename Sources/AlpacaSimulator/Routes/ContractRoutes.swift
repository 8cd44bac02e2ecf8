import Foundation
import MarketModel

/// The option-contract listing endpoints under `/v2/options/contracts`.
enum ContractRoutes {
    /// `GET /v2/options/contracts`: filtered listing, offset-paginated, default expiry up to the next weekend.
    static func contracts(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.tradingQuery
        var underlyings = query.list("underlying_symbols")
        for symbol in underlyings where !SymbolFormat.isStock(symbol) {
            throw query.invalid("invalid symbol: \(symbol)")
        }
        if underlyings.isEmpty { underlyings = TradingRoutes.book(context).watchlist }
        let status = try query.choice("status", ["active", "inactive"], default: "active")
        let type = try query.choice("type", ["call", "put", ""], default: "")
        let style = try query.choice("style", ["american", "european", ""], default: "")
        let strikeLow = try query.double("strike_price_gte")
        let strikeHigh = try query.double("strike_price_lte")
        let expiration = try query.date("expiration_date")
        let expirationLow = try query.date("expiration_date_gte")
        var expirationHigh = try query.date("expiration_date_lte")
        let root = query.string("root_symbol")
        let limit = try query.int("limit", default: 100, range: 1...10_000)
        var offset = 0
        if let token = query.string("page_token") {
            guard let text = PageToken.decode(token), let value = Int(text), value >= 0 else {
                throw query.invalid("invalid page_token")
            }
            offset = value
        }
        if expiration == nil && expirationLow == nil && expirationHigh == nil {
            var friday = context.today
            while friday.weekday != 5 { friday = friday.adding(days: 1) }
            expirationHigh = friday.adding(days: 2)
        }
        guard status == "active", style != "european" else { return page([], next: nil) }
        var listed: [(OptionEngine, OCCSymbol)] = []
        for underlying in underlyings.sorted() where context.market.exists(underlying) {
            let engine = context.market.optionEngine(underlying, clock: context.clock)
            for contract in engine.contracts {
                if !type.isEmpty && contract.kind.rawValue != type { continue }
                if let strikeLow, contract.strike < strikeLow { continue }
                if let strikeHigh, contract.strike > strikeHigh { continue }
                if let expiration, contract.expiration != expiration { continue }
                if let expirationLow, contract.expiration < expirationLow { continue }
                if let expirationHigh, contract.expiration > expirationHigh { continue }
                if let root, contract.root != root { continue }
                listed.append((engine, contract))
            }
        }
        let slice = listed.dropFirst(offset).prefix(limit)
        let next = offset + slice.count < listed.count ? PageToken.encode(String(offset + slice.count)) : nil
        return page(slice.map { contractJSON($0.1, engine: $0.0, context: context) }, next: next)
    }

    /// `GET /v2/options/contracts/{symbol}`: one listed contract, else 404.
    static func contract(_ context: RouteContext, symbol: String) throws(APIError) -> SimResponse {
        guard let contract = OCCSymbol(symbol), SymbolFormat.isStock(contract.root),
            context.market.exists(contract.root)
        else { throw .notFound("option contract \(symbol) not found") }
        let engine = context.market.optionEngine(contract.root, clock: context.clock)
        guard engine.isListed(contract) else { throw .notFound("option contract \(symbol) not found") }
        return .json(contractJSON(contract, engine: engine, context: context))
    }

    private static func page(_ items: [JSONValue], next: String?) -> SimResponse {
        .json(.object(["option_contracts": .array(items), "next_page_token": .string(next)]))
    }

    /// The contract object, with open interest and close price as strings.
    static func contractJSON(_ contract: OCCSymbol, engine: OptionEngine, context: RouteContext) -> JSONValue {
        let previous = TradingCalendar.tradingDay(1, before: engine.today).description
        let strike = WireEncoder.decimalText(contract.strike, places: 3)
        return .object([
            "id": .string(StableHash.uuid(StableHash.fnv1a(contract.description))),
            "symbol": .string(contract.description), "name": .string(name(contract, strike: strike)),
            "status": .string("active"), "tradable": .bool(true),
            "expiration_date": .string(contract.expiration.description), "root_symbol": .string(contract.root),
            "underlying_symbol": .string(engine.underlying.profile.symbol),
            "underlying_asset_id": .string(engine.underlying.profile.assetID),
            "type": .string(contract.kind.rawValue), "style": .string("american"), "strike_price": .string(strike),
            "multiplier": .string("100"), "size": .string("100"),
            "open_interest": .string(String(engine.openInterest(contract))), "open_interest_date": .string(previous),
            "close_price": WireEncoder.decimal(engine.closePrice(contract)), "close_price_date": .string(previous),
        ])
    }

    private static func name(_ contract: OCCSymbol, strike: String) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let date = contract.expiration
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        return "\(contract.root) \(months[date.month - 1]) \(day) \(date.year) \(strike) "
            + (contract.kind == .call ? "Call" : "Put")
    }
}
