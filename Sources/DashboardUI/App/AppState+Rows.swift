import MarketMetrics
public import MarketModel
import TTLCache
import TUICore

extension AppState {
    /// Watchlist rows after the filter and the sort.
    func visibleWatchlist(now: Timestamp?) -> [WatchlistRow] {
        guard let rows = latest?.market.watchlist else { return [] }
        let filter = (filters[.watchlist] ?? "").uppercased()
        let filtered = filter.isEmpty ? rows : rows.filter { $0.symbol.uppercased().contains(filter) }
        let sort = WatchlistSort(rawValue: sortIndex[.watchlist] ?? 0) ?? .watchlistOrder
        func key(_ row: WatchlistRow) -> Double? {
            guard let quote = row.quote else { return nil }
            switch sort {
            case .changePercent: return QuoteFigures(quote.value).changePercent
            case .volume: return quote.value.volume.map(Double.init)
            case .quality: return -Double(quote.enrichment.quality.score)
            case .age:
                guard let now, let time = quote.value.timestamp else { return nil }
                return now.seconds(since: time)
            case .watchlistOrder, .symbol: return nil
            }
        }
        switch sort {
        case .watchlistOrder: return filtered
        case .symbol: return filtered.sorted { $0.symbol < $1.symbol }
        default:
            // Largest first; rows without the value go last, in watchlist order.
            let indexed = filtered.enumerated().map { ($0.offset, $0.element, key($0.element)) }
            return indexed.sorted { a, b in
                switch (a.2, b.2) {
                case (let x?, let y?): return x != y ? x > y : a.0 < b.0
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return a.0 < b.0
                }
            }.map(\.1)
        }
    }

    /// The chain shown for an underlying, when the snapshot holds it.
    func chain(for underlying: String) -> OptionChainView? {
        guard let chain = latest?.market.chain, chain.underlying == underlying else { return nil }
        return chain
    }

    /// Positions in the chosen order (`s`).
    ///
    /// The orders are Alpaca's, then by symbol, market value, unrealized or day P&L (largest first,
    /// missing figures last).
    public var visiblePositions: [PortfolioView.Position] {
        let positions = latest?.market.portfolio?.positions ?? []
        let key: (PortfolioView.Position) -> Double?
        switch sortIndex[.portfolio] ?? 0 {
        case 1: return positions.sorted { $0.symbol < $1.symbol }
        case 2: key = { $0.marketValue?.value }
        case 3: key = { $0.unrealizedPL?.value }
        case 4: key = { $0.intradayPL?.value }
        default: return positions
        }
        return positions.enumerated().sorted { a, b in
            let x = key(a.element) ?? -.infinity
            let y = key(b.element) ?? -.infinity
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// Quality rows after the filter and the sort (by symbol, or worst score first).
    var visibleQuality: [QualityRow] {
        guard let rows = latest?.market.quality else { return [] }
        let filter = (filters[.quality] ?? "").uppercased()
        let filtered = filter.isEmpty ? rows : rows.filter { $0.symbol.uppercased().contains(filter) }
        if (sortIndex[.quality] ?? 0) % 2 == 1 {
            return filtered.enumerated().sorted { a, b in
                let x = a.element.current?.score ?? -1
                let y = b.element.current?.score ?? -1
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
        return filtered
    }

    /// Validation failures, newest first, filtered by rule id, symbol or message.
    var visibleFailures: [ValidationFailureRecord] {
        guard let rows = latest?.market.validationFailures else { return [] }
        let filter = (filters[.validation] ?? "").uppercased()
        guard !filter.isEmpty else { return rows }
        return rows.filter {
            $0.rule.rawValue.uppercased().hasPrefix(filter) || $0.symbol.uppercased().contains(filter)
                || $0.message.uppercased().contains(filter)
        }
    }

    /// How many selectable rows a route has.
    func rowCount(for route: Route) -> Int {
        switch route {
        case .watchlist: return visibleWatchlist(now: now).count
        case .optionChain(let symbol): return chain(for: symbol)?.rows.count ?? 0
        case .contract, .chart: return 0
        case .quality: return visibleQuality.count
        case .validation: return visibleFailures.count
        case .cache: return (latest?.cache.count ?? 0) + (latest?.metrics.stages.count ?? 0)
        case .upstream: return latest?.metrics.endpoints.count ?? 0
        case .portfolio: return visiblePositions.count
        }
    }

    /// The selection of a route: the stored one, or for a chain the at-the-money row.
    func listState(for route: Route) -> ListState {
        if let stored = lists[route] { return stored }
        if case .optionChain(let symbol) = route, let chain = chain(for: symbol), let atm = chain.atTheMoneyIndex {
            return ListState(selected: atm, offset: max(0, atm - pageSize / 2))
        }
        return ListState()
    }

    /// Rows moved by PgUp/PgDn.
    var pageSize: Int { max(1, size.height - 7) }
}

extension AppState {
    /// The option contracts the option stream should carry.
    ///
    /// Both sides of the chain rows in view, or the one contract drilled into. On another panel
    /// while the chain stays open (it is closed by leaving it) the last ones stay subscribed, so
    /// flipping panels churns nothing; with no chain open, none.
    public var contractsToStream: [String] {
        switch route {
        case .optionChain(let symbol):
            guard let chain = chain(for: symbol), chain.failure == nil || !chain.rows.isEmpty else { return [] }
            let list = listState(for: route)
            let first = min(max(0, list.offset), chain.rows.count)
            return chain.rows[first...].prefix(pageSize).flatMap { row in
                [row.call?.contract.description, row.put?.contract.description].compactMap { $0 }
            }
        case .contract(let contract):
            return [contract.description]
        default:
            return chainSymbol == nil ? [] : streamedContracts
        }
    }
}
