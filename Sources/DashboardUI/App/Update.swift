import MarketMetrics
import MarketModel
import TUICore

/// Applies a message to the state and returns the effects the loop must perform.
///
/// Pure: no I/O, no clock; the same state and message always give the same result.
/// - Parameters:
///   - state: The state to change.
///   - message: What happened.
/// - Returns: Effects, in order.
public func update(_ state: inout AppState, _ message: Message) -> [Effect] {
    var effects = reduce(&state, message)
    // The option stream follows the screen: the contracts on it now, whatever moved them.
    let contracts = state.contractsToStream
    if contracts != state.streamedContracts, !effects.contains(.quit) {
        state.streamedContracts = contracts
        effects.append(.command(.streamContracts(contracts)))
    }
    return effects
}

private func reduce(_ state: inout AppState, _ message: Message) -> [Effect] {
    switch message {
    case .resize(let size):
        state.size = size
        return []
    case .tick(let now):
        state.now = now
        return []
    case .update(let next):
        // Generations are published in order; one that arrives after a newer one is ignored.
        if let latest = state.latest, next.market.generation < latest.market.generation { return [] }
        state.noteTicks(from: state.latest?.market.watchlist ?? [], to: next.market.watchlist)
        state.latest = next
        state.paused = next.market.paused
        state.refreshInterval = next.market.refreshInterval
        state.clampSelections()
        return []
    case .key(let key):
        return state.handle(key)
    }
}

extension AppState {
    /// The refresh intervals `+` and `-` step through, in seconds.
    static let refreshIntervals: [Double] = [0.5, 1, 2, 5, 10, 15, 30, 60]

    mutating func handle(_ key: Key) -> [Effect] {
        switch inputMode {
        case .filter: return editFilter(key)
        case .addSymbol(let text): return editSymbol(text, key)
        case .deltaTarget(let text): return editDelta(text, key)
        case .normal: break
        }
        notice = nil
        if watchlistPicker != nil { return handlePicker(key) }
        if helpVisible {
            switch key {
            case .char("?"), .escape, .enter, .backspace:
                helpVisible = false
                return []
            case .char("q"), .ctrl("c"):
                return [.quit]
            default:
                return []
            }
        }
        guard let action = KeyMaps.action(for: key, on: panel) else { return [] }
        return perform(action)
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .pageUp: moveSelection(by: -pageSize)
        case .pageDown: moveSelection(by: pageSize)
        case .top: moveSelection(by: Int.min / 2)
        case .bottom: moveSelection(by: Int.max / 2)
        case .drillDown: return drillDown()
        case .back: return back()
        case .nextPanel: return show(Panel(rawValue: panel.rawValue % Panel.allCases.count + 1) ?? .watchlist)
        case .previousPanel:
            let count = Panel.allCases.count
            return show(Panel(rawValue: (panel.rawValue + count - 2) % count + 1) ?? .watchlist)
        case .showPanel(let target): return show(target)
        case .beginFilter:
            if [.watchlist, .quality, .validation].contains(panel) { inputMode = .filter }
        case .cycleSort: cycleSort()
        case .previousExpiry: return stepExpiry(by: -1)
        case .nextExpiry: return stepExpiry(by: 1)
        case .selectCalls: chainSide = .call
        case .selectPuts: chainSide = .put
        case .jumpToDelta:
            if case .optionChain = route { inputMode = .deltaTarget("") }
        case .longerRefreshInterval: return stepRefreshInterval(by: 1)
        case .shorterRefreshInterval: return stepRefreshInterval(by: -1)
        case .togglePause:
            paused.toggle()
            return [.command(.setPaused(paused))]
        case .refreshNow: return [.command(.refreshNow)]
        case .addSymbol:
            if panel == .watchlist { inputMode = .addSymbol("") }
        case .removeSymbol:
            guard panel == .watchlist, let symbol = selectedWatchlistSymbol else { return [] }
            notice = "removing \(symbol)"
            return [.command(.removeSymbol(symbol))]
        case .openChart: return openChart()
        case .nextTimeframe: return stepTimeframe(by: 1)
        case .previousTimeframe: return stepTimeframe(by: -1)
        case .showAlpacaWatchlists:
            guard panel == .watchlist else { return [] }
            watchlistPicker = ListState()
            return [.command(.listAlpacaWatchlists)]
        case .toggleHelp: helpVisible.toggle()
        case .redraw: return [.redraw]
        case .quit: return [.quit]
        }
        return []
    }

    // MARK: Selection

    mutating func moveSelection(by delta: Int) {
        let count = rowCount(for: route)
        var list = listState(for: route)
        guard count > 0 else {
            lists[route] = ListState()
            return
        }
        let target = delta > 0 ? min(count - 1, list.selected &+ delta) : max(0, list.selected &+ delta)
        list.selected = max(0, min(count - 1, target))
        list.offset = Table.scrolledOffset(
            selected: list.selected, offset: list.offset, visibleRows: pageSize, rowCount: count)
        lists[route] = list
    }

    mutating func clampSelections() {
        for (route, list) in lists {
            let count = rowCount(for: route)
            let selected = max(0, min(list.selected, count - 1))
            if selected != list.selected {
                lists[route] = ListState(selected: selected, offset: min(list.offset, selected))
            }
        }
    }

    var selectedWatchlistSymbol: String? {
        let rows = visibleWatchlist(now: now)
        let selected = listState(for: .watchlist).selected
        return rows.indices.contains(selected) ? rows[selected].symbol : nil
    }

    // MARK: Drill-down

    mutating func drillDown() -> [Effect] {
        switch route {
        case .watchlist:
            guard let symbol = selectedWatchlistSymbol else { return [] }
            return openChain(symbol)
        case .portfolio:
            let positions = visiblePositions
            let selected = listState(for: .portfolio).selected
            guard positions.indices.contains(selected) else { return [] }
            // An option position opens its contract (its chain loads at the contract's expiry).
            if let contract = OCCSymbol(positions[selected].symbol) {
                routes = [.watchlist, .optionChain(contract.root), .contract(contract)]
                chainSymbol = contract.root
                return [.command(.openChain(underlying: contract.root, expiration: contract.expiration))]
            }
            return openChain(positions[selected].underlying)
        case .optionChain(let symbol):
            guard let chain = chain(for: symbol) else { return [] }
            let selected = listState(for: route).selected
            guard chain.rows.indices.contains(selected) else { return [] }
            let row = chain.rows[selected]
            guard let cell = chainSide == .call ? row.call : row.put else { return [] }
            routes.append(.contract(cell.contract))
            return []
        default:
            return []
        }
    }

    mutating func openChain(_ symbol: String) -> [Effect] {
        routes = [.watchlist, .optionChain(symbol)]
        lists[.optionChain(symbol)] = nil
        if chainSymbol == symbol { return [] }
        chainSymbol = symbol
        return [.command(.openChain(underlying: symbol, expiration: nil))]
    }

    mutating func back() -> [Effect] {
        if !filter.isEmpty {
            filters[panel] = nil
            lists[route] = nil
            return []
        }
        guard routes.count > 1 else { return [] }
        let leaving = routes.removeLast()
        if case .chart = leaving { return [.command(.closeChart)] }
        if case .optionChain = leaving {
            chainSymbol = nil
            return [.command(.closeChain)]
        }
        return []
    }

    mutating func show(_ target: Panel) -> [Effect] {
        switch target {
        case .watchlist: routes = [.watchlist]
        case .optionChain:
            if panel == .optionChain { return [] }
            if let symbol = chainSymbol {
                routes = [.watchlist, .optionChain(symbol)]
            } else if let symbol = selectedWatchlistSymbol {
                return openChain(symbol)
            } else {
                notice = "select a watchlist symbol first"
            }
        case .quality: routes = [.quality]
        case .validation: routes = [.validation]
        case .cache: routes = [.cache]
        case .upstream: routes = [.upstream]
        case .portfolio: routes = [.portfolio]
        }
        return []
    }

    // MARK: Sorting, expiries, refresh

    mutating func cycleSort() {
        switch panel {
        case .watchlist:
            let next = ((sortIndex[.watchlist] ?? 0) + 1) % WatchlistSort.allCases.count
            sortIndex[.watchlist] = next
            notice = "sorted by \(WatchlistSort(rawValue: next)?.title ?? "")"
        case .quality:
            let next = ((sortIndex[.quality] ?? 0) + 1) % 2
            sortIndex[.quality] = next
            notice = next == 1 ? "sorted by score" : "sorted by symbol"
        case .portfolio:
            let next = ((sortIndex[.portfolio] ?? 0) + 1) % PortfolioScreen.sorts.count
            sortIndex[.portfolio] = next
            notice = "sorted by \(PortfolioScreen.sorts[next])"
        default:
            return
        }
        lists[route] = ListState()
    }

    mutating func stepExpiry(by delta: Int) -> [Effect] {
        guard case .optionChain(let symbol) = route, let chain = chain(for: symbol), !chain.expirations.isEmpty
        else { return [] }
        let current = chain.selectedExpiration.flatMap { chain.expirations.firstIndex(of: $0) } ?? 0
        let target = current + delta
        guard chain.expirations.indices.contains(target) else { return [] }
        lists[route] = nil
        return [.command(.openChain(underlying: symbol, expiration: chain.expirations[target]))]
    }

    mutating func stepRefreshInterval(by delta: Int) -> [Effect] {
        let ladder = Self.refreshIntervals
        let current = ladder.firstIndex { $0 >= refreshInterval } ?? ladder.count - 1
        let exact = ladder[current] == refreshInterval
        let target = delta > 0 ? (exact ? current + 1 : current) : current - 1
        guard ladder.indices.contains(target) else { return [] }
        refreshInterval = ladder[target]
        return [.command(.setRefreshInterval(refreshInterval))]
    }

    // MARK: The chart

    /// Opens the chart of the selected watchlist symbol, or of the chain's underlying.
    mutating func openChart() -> [Effect] {
        let symbol: String?
        switch route {
        case .watchlist: symbol = selectedWatchlistSymbol
        case .optionChain(let underlying), .chart(let underlying): symbol = underlying
        case .portfolio:
            let positions = visiblePositions
            let selected = listState(for: .portfolio).selected
            symbol = positions.indices.contains(selected) ? positions[selected].underlying : nil
        default: symbol = nil
        }
        guard let symbol, route != .chart(symbol) else { return [] }
        routes.append(.chart(symbol))
        return [.command(.openChart(symbol: symbol, timeframe: chartTimeframe))]
    }

    /// Steps the chart's timeframe (only on the chart).
    mutating func stepTimeframe(by step: Int) -> [Effect] {
        guard case .chart(let symbol) = route else { return [] }
        let frames = ChartSeries.timeframes
        let index = frames.firstIndex(of: chartTimeframe) ?? 0
        chartTimeframe = frames[(index + step + frames.count) % frames.count]
        return [.command(.openChart(symbol: symbol, timeframe: chartTimeframe))]
    }

    // MARK: The Alpaca watchlist picker

    /// Keys while the picker is open: move, Enter opens the selected list, Esc closes.
    mutating func handlePicker(_ key: Key) -> [Effect] {
        let lists = latest?.market.alpacaWatchlists ?? []
        var picker = watchlistPicker ?? ListState()
        switch key {
        case .escape, .backspace, .char("w"):
            watchlistPicker = nil
            return []
        case .char("q"), .ctrl("c"):
            return [.quit]
        case .down, .char("j"):
            picker.selected = min(max(0, lists.count - 1), picker.selected + 1)
        case .up, .char("k"):
            picker.selected = max(0, picker.selected - 1)
        case .enter:
            guard lists.indices.contains(picker.selected) else { return [] }
            let chosen = lists[picker.selected]
            watchlistPicker = nil
            notice = "opening Alpaca watchlist \(chosen.name)"
            self.lists[.watchlist] = nil
            return [.command(.openAlpacaWatchlist(id: chosen.id))]
        default:
            return []
        }
        picker.offset = Table.scrolledOffset(
            selected: picker.selected, offset: picker.offset, visibleRows: max(1, size.height - 10),
            rowCount: lists.count)
        watchlistPicker = picker
        return []
    }

    // MARK: Typing modes

    mutating func editFilter(_ key: Key) -> [Effect] {
        var text = filters[panel] ?? ""
        switch key {
        case .char(let c): text.append(c)
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .enter: inputMode = .normal
        case .escape:
            text = ""
            inputMode = .normal
        default: return []
        }
        filters[panel] = text.isEmpty ? nil : String(text.prefix(32))
        lists[route] = nil
        return []
    }

    mutating func editDelta(_ text: String, _ key: Key) -> [Effect] {
        var text = text
        switch key {
        case .char(let c):
            if text.count < 8 && (c.isNumber || c == "." || c == "-") { text.append(c) }
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .escape:
            inputMode = .normal
            return []
        case .enter:
            inputMode = .normal
            guard let target = Double(text), target.isFinite, abs(target) <= 1 else {
                notice = text.isEmpty ? nil : "a delta is between -1 and 1: \(text)"
                return []
            }
            jumpToDelta(abs(target))
            return []
        default: return []
        }
        inputMode = .deltaTarget(text)
        return []
    }

    /// Selects the chain row whose delta on the selected side is nearest `target` in magnitude
    /// (a put's delta is negative: 0.30 finds the put nearest -0.30).
    mutating func jumpToDelta(_ target: Double) {
        guard case .optionChain(let symbol) = route, let chain = chain(for: symbol) else { return }
        var best: (index: Int, distance: Double, delta: Double)?
        for (index, row) in chain.rows.enumerated() {
            let cell = chainSide == .call ? row.call : row.put
            guard let delta = cell?.quote?.value.greeks?.delta, delta.isFinite else { continue }
            let distance = abs(abs(delta) - target)
            if let current = best, current.distance <= distance { continue }
            best = (index, distance, delta)
        }
        guard let best else {
            notice = "no \(chainSide == .call ? "call" : "put") in this expiry has a delta"
            return
        }
        var list = listState(for: route)
        list.selected = best.index
        list.offset = Table.scrolledOffset(
            selected: best.index, offset: list.offset, visibleRows: pageSize, rowCount: chain.rows.count)
        lists[route] = list
        notice =
            "strike \(Format.strike(chain.rows[best.index].strikeThousandths)): delta \(Format.signed(best.delta, 2))"
    }

    mutating func editSymbol(_ text: String, _ key: Key) -> [Effect] {
        var text = text
        switch key {
        case .char(let c):
            if text.count < 21 { text += c.uppercased() }
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .escape:
            inputMode = .normal
            return []
        case .enter:
            inputMode = .normal
            guard SymbolFormat.isStock(text) else {
                notice = text.isEmpty ? nil : "not a stock symbol: \(text)"
                return []
            }
            notice = "adding \(text)"
            return [.command(.addSymbol(text))]
        default: return []
        }
        inputMode = .addSymbol(text)
        return []
    }
}
