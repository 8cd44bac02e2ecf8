import FaultInjection
import MarketModel

/// The option market-data endpoints under `/v1beta1/options`.
enum OptionRoutes {
    static let feeds = ["opra", "indicative"]

    /// `GET /v1beta1/options/snapshots/{underlying}`: the filtered, paginated chain.
    static func chain(_ context: RouteContext, underlying: String) throws(APIError) -> SimResponse {
        guard SymbolFormat.isStock(underlying) else { throw .badParameter("invalid symbol: \(underlying)") }
        let query = context.dataQuery
        _ = try context.feed(query, feeds, default: "indicative")
        let limit = try query.int("limit", default: 100, range: 1...1000)
        let type = try query.choice("type", ["call", "put", ""], default: "")
        let strikeLow = try query.double("strike_price_gte")
        let strikeHigh = try query.double("strike_price_lte")
        let expiration = try query.date("expiration_date")
        let expirationLow = try query.date("expiration_date_gte")
        let expirationHigh = try query.date("expiration_date_lte")
        let root = query.string("root_symbol")
        let updatedSince = try query.time("updated_since")
        let after = try decodeContractToken(query)
        guard context.market.exists(underlying) else { return page([], next: nil, context: context) }
        let engine = context.market.optionEngine(underlying, clock: context.clock)
        var candidates = engine.contracts.filter { contract in
            if !type.isEmpty && contract.kind.rawValue != type { return false }
            if let strikeLow, contract.strike < strikeLow { return false }
            if let strikeHigh, contract.strike > strikeHigh { return false }
            if let expiration, contract.expiration != expiration { return false }
            if let expirationLow, contract.expiration < expirationLow { return false }
            if let expirationHigh, contract.expiration > expirationHigh { return false }
            if let root, contract.root != root { return false }
            return true
        }
        if let after { candidates = candidates.filter { $0.description >= after } }
        var views: [OptionView] = []
        var next: String?
        for contract in candidates {
            let view = OptionView(contract: contract, engine: engine, context: context)
            if let updatedSince {
                let latest = max(view.snapshot.quote.time, view.snapshot.trade?.time ?? view.snapshot.quote.time)
                if latest < updatedSince { continue }
            }
            if views.count == limit {
                next = contract.description
                break
            }
            views.append(view)
        }
        return page(views, next: next, context: context)
    }

    /// `GET /v1beta1/options/snapshots?symbols=`: snapshots of listed contracts, paginated.
    static func snapshots(_ context: RouteContext) throws(APIError) -> SimResponse {
        let query = context.dataQuery
        let contracts = try query.optionSymbols().sorted { $0.description < $1.description }
        _ = try context.feed(query, feeds, default: "indicative")
        let limit = try query.int("limit", default: 100, range: 1...1000)
        let updatedSince = try query.time("updated_since")
        let after = try decodeContractToken(query)
        var views: [OptionView] = []
        var next: String?
        for contract in contracts {
            if let after, contract.description < after { continue }
            guard let view = listedView(contract, context: context) else { continue }
            if let updatedSince, view.snapshot.quote.time < updatedSince { continue }
            if views.count == limit {
                next = contract.description
                break
            }
            views.append(view)
        }
        return page(views, next: next, context: context)
    }

    /// `GET /v1beta1/options/{quotes|trades}/latest?symbols=`: maps of listed contracts.
    static func latest(_ context: RouteContext, trades: Bool) throws(APIError) -> SimResponse {
        let query = context.dataQuery
        let contracts = try query.optionSymbols()
        _ = try context.feed(query, feeds, default: "indicative")
        var map: [String: JSONValue] = [:]
        for contract in contracts {
            guard let view = listedView(contract, context: context), !view.isNull else { continue }
            if trades {
                if let trade = view.snapshot.trade { map[view.key] = WireEncoder.optionTrade(trade) }
            } else {
                map[view.key] = WireEncoder.optionQuote(view.snapshot.quote)
            }
        }
        return .json(.object([trades ? "trades" : "quotes": .object(map)]))
    }

    /// The view of a contract when its underlying exists and the contract is listed today.
    static func listedView(_ contract: OCCSymbol, context: RouteContext) -> OptionView? {
        let underlying = contract.root
        guard SymbolFormat.isStock(underlying), context.market.exists(underlying) else { return nil }
        let engine = context.market.optionEngine(underlying, clock: context.clock)
        guard engine.isListed(contract) else { return nil }
        return OptionView(contract: contract, engine: engine, context: context)
    }

    private static func decodeContractToken(_ query: QueryReader) throws(APIError) -> String? {
        guard let token = query.string("page_token") else { return nil }
        guard let text = PageToken.decode(token), OCCSymbol(text) != nil else {
            throw .badParameter("invalid page token")
        }
        return text
    }

    private static func page(_ views: [OptionView], next: String?, context: RouteContext) -> SimResponse {
        var next = next
        switch context.server.faults.pageFault(path: context.request.path) {
        case .endlessPages?: next = next ?? views.last?.snapshot.contract.description
        case .repeatToken?:
            let asked = context.request.query["page_token"].flatMap(PageToken.decode)
            next = asked ?? views.first?.snapshot.contract.description
        default: break
        }
        var map: [String: JSONValue] = [:]
        for view in views {
            let symbol = view.snapshot.contract.description
            let (key, entry) = context.withDataFaults(symbol: symbol, key: view.key, view.snapshotJSON)
            map[key] = entry
        }
        return .json(.object(["snapshots": .object(map), "next_page_token": .string(next.map(PageToken.encode))]))
    }
}
