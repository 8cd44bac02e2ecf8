import DashboardUI
import MarketMetrics
import MarketModel
import TUICore
import TUITestSupport
import Testing

struct ReducerTests {
    func press(_ keys: Key..., in state: inout AppState) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) }
    }

    @Test func movesTheSelection() {
        var state = Fixtures.state()
        #expect(press(.down, .char("j"), in: &state) == [])
        #expect(state.lists[.watchlist]?.selected == 2)
        #expect(press(.up, in: &state) == [])
        #expect(state.lists[.watchlist]?.selected == 1)
        _ = press(.char("k"), .char("k"), .char("k"), in: &state)
        #expect(state.lists[.watchlist]?.selected == 0)
        _ = press(.char("G"), in: &state)
        #expect(state.lists[.watchlist]?.selected == Fixtures.watchlist.count - 1)
        _ = press(.char("g"), in: &state)
        #expect(state.lists[.watchlist]?.selected == 0)
        _ = press(.pageDown, in: &state)
        #expect(state.lists[.watchlist]?.selected == Fixtures.watchlist.count - 1)
        _ = press(.pageUp, in: &state)
        #expect(state.lists[.watchlist]?.selected == 0)
        _ = press(.mouseWheelDown, in: &state)
        #expect(state.lists[.watchlist]?.selected == 1)
        _ = press(.end, .home, in: &state)
        #expect(state.lists[.watchlist]?.selected == 0)
    }

    /// Every contract of the fixture chain (all of its rows fit at 80×24).
    static let allContracts = VisibleContractsTests.names([180_000, 185_000, 187_500, 190_000, 195_000])

    @Test func enterOpensTheChainAndEscClosesIt() {
        var state = Fixtures.state()
        #expect(
            press(.enter, in: &state) == [
                .command(.openChain(underlying: "AAPL", expiration: nil)),
                .command(.streamContracts(Self.allContracts)),
            ])
        #expect(state.routes == [.watchlist, .optionChain("AAPL")])
        #expect(press(.escape, in: &state) == [.command(.closeChain), .command(.streamContracts([]))])
        #expect(state.routes == [.watchlist])
        _ = press(.enter, in: &state)
        #expect(press(.backspace, in: &state) == [.command(.closeChain), .command(.streamContracts([]))])
        #expect(press(.escape, in: &state) == [])
    }

    @Test func chainStartsAtTheMoneyAndDrillsIntoAContract() {
        var state = Fixtures.state()
        _ = press(.enter, in: &state)
        // The contract drilled into is the one streamed; back on the chain, its rows in view are.
        #expect(press(.enter, in: &state) == [.command(.streamContracts(["AAPL240322C00187500"]))])
        #expect(state.route == .contract(Fixtures.contract(.call, 187_500)))
        #expect(press(.escape, in: &state) == [.command(.streamContracts(Self.allContracts))])
        _ = press(.right, .up, .enter, in: &state)
        #expect(state.route == .contract(Fixtures.contract(.put, 185_000)))
        _ = press(.escape, .char("h"), in: &state)
        #expect(state.chainSide == .call)
    }

    @Test func dJumpsToTheStrikeWhoseDeltaIsNearestATypedTarget() {
        var state = Fixtures.state([.watchlist, .optionChain("AAPL")])
        // Calls: deltas +0.82, +0.63, +0.52, +0.38, +0.15; 0.4 is nearest +0.38 (190.00, row 3).
        _ = press(.char("D"), in: &state)
        #expect(state.inputMode == .deltaTarget(""))
        _ = press(.char("0"), .char("."), .char("x"), .char("4"), .enter, in: &state)
        #expect(state.inputMode == .normal)
        #expect(state.lists[.optionChain("AAPL")]?.selected == 3)
        #expect(state.notice == "strike 190.00: delta +0.38")
        // Puts: -0.18, (rejected), -0.48, -0.62; 0.6 finds -0.62 (190.00), and the sign may be typed.
        _ = press(.char("g"), .char("l"), .char("D"), .char("-"), .char("."), .char("2"), .enter, in: &state)
        #expect(state.lists[.optionChain("AAPL")]?.selected == 0)
        _ = press(.char("D"), .char("0"), .char("."), .char("6"), .enter, in: &state)
        #expect(state.lists[.optionChain("AAPL")]?.selected == 3)
        // Out of range, or Esc: nothing moves.
        _ = press(.char("D"), .char("2"), .enter, in: &state)
        #expect(state.notice == "a delta is between -1 and 1: 2")
        _ = press(.char("D"), .char("0"), .escape, in: &state)
        #expect(state.inputMode == .normal && state.lists[.optionChain("AAPL")]?.selected == 3)
        // Not on the watchlist.
        var watchlist = Fixtures.state()
        _ = press(.char("D"), in: &watchlist)
        #expect(watchlist.inputMode == .normal)
    }

    @Test func wListsTheAlpacaWatchlistsAndEnterOpensOne() {
        var state = Fixtures.state()
        #expect(press(.char("w"), in: &state) == [.command(.listAlpacaWatchlists)])
        #expect(state.watchlistPicker != nil)
        var market = Fixtures.market
        market.alpacaWatchlists = [
            AlpacaWatchlist(id: "a", name: "Tech", updatedAt: Fixtures.ago(60)),
            AlpacaWatchlist(id: "b", name: "Energy", updatedAt: Fixtures.ago(3600)),
        ]
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        expectSnapshot(render(state, theme: .default, size: state.size, now: Fixtures.now), named: "watchlist-picker")
        // Keys move in the picker, not in the watchlist behind it.
        #expect(press(.down, .down, in: &state) == [])
        #expect(state.watchlistPicker?.selected == 1)
        #expect(state.lists[.watchlist]?.selected ?? 0 == 0)
        #expect(press(.enter, in: &state) == [.command(.openAlpacaWatchlist(id: "b"))])
        #expect(state.watchlistPicker == nil)
        #expect(state.notice == "opening Alpaca watchlist Energy")
        _ = press(.char("w"), in: &state)
        #expect(press(.escape, in: &state) == [])
        #expect(state.watchlistPicker == nil)
    }

    @Test func cOpensTheChartTStepsItsTimeframeAndEscClosesIt() {
        var state = Fixtures.state()
        #expect(press(.char("c"), in: &state) == [.command(.openChart(symbol: "AAPL", timeframe: "5Min"))])
        #expect(state.route == .chart("AAPL"))
        #expect(press(.char("t"), in: &state) == [.command(.openChart(symbol: "AAPL", timeframe: "15Min"))])
        #expect(
            press(.char("T"), .char("T"), in: &state).last == .command(.openChart(symbol: "AAPL", timeframe: "1Min")))
        #expect(press(.char("T"), in: &state) == [.command(.openChart(symbol: "AAPL", timeframe: "1Day"))])
        #expect(press(.escape, in: &state) == [.command(.closeChart)])
        #expect(state.route == .watchlist)
        // From the chain: the underlying's chart, and back to the chain.
        _ = press(.enter, in: &state)
        #expect(press(.char("c"), in: &state) == [.command(.openChart(symbol: "AAPL", timeframe: "1Day"))])
        _ = press(.escape, in: &state)
        #expect(state.route == .optionChain("AAPL"))
        #expect(press(.char("t"), in: &state) == [], "t does nothing off the chart")
    }

    @Test func bracketsStepTheExpiry() {
        var state = Fixtures.state([.watchlist, .optionChain("AAPL")])
        #expect(
            press(.char("]"), in: &state) == [
                .command(.openChain(underlying: "AAPL", expiration: Fixtures.expiries[2])),
                // The state was built on the chain without the reducer: its first look streams.
                .command(.streamContracts(Self.allContracts)),
            ])
        #expect(
            press(.char("["), in: &state) == [
                .command(.openChain(underlying: "AAPL", expiration: Fixtures.expiries[0]))
            ])
    }

    @Test func bracketsDoNothingPastTheEnds() {
        var market = Fixtures.market
        market.chain?.selectedExpiration = Fixtures.expiries[2]
        var state = Fixtures.state([.watchlist, .optionChain("AAPL")])
        _ = update(&state, .update(DashboardUpdate(market: market)))
        #expect(press(.char("]"), in: &state) == [])
    }

    @Test func tabAndNumbersSwitchPanels() {
        var state = Fixtures.state()
        _ = press(.char("3"), in: &state)
        #expect(state.panel == .quality)
        _ = press(.tab, in: &state)
        #expect(state.panel == .validation)
        _ = press(.backTab, .backTab, .backTab, in: &state)
        #expect(state.panel == .watchlist)
        _ = press(.backTab, in: &state)
        #expect(state.panel == .portfolio)
        _ = press(.backTab, in: &state)
        #expect(state.panel == .upstream)
        _ = press(.char("5"), in: &state)
        #expect(state.route == .cache)
        _ = press(.char("1"), in: &state)
        #expect(state.route == .watchlist)
    }

    @Test func panelTwoOpensTheSelectedSymbolsChain() {
        var state = Fixtures.state()
        _ = press(.down, in: &state)
        #expect(press(.char("2"), in: &state) == [.command(.openChain(underlying: "MSFT", expiration: nil))])
        _ = press(.char("4"), in: &state)
        #expect(press(.char("2"), in: &state) == [])
        #expect(state.routes == [.watchlist, .optionChain("MSFT")])
    }

    @Test func filterTypingMode() {
        var state = Fixtures.state()
        #expect(press(.char("/"), .char("m"), .char("s"), in: &state) == [])
        #expect(state.inputMode == .filter)
        #expect(state.filter == "ms")
        _ = press(.backspace, .enter, in: &state)
        #expect(state.inputMode == .normal)
        #expect(state.filter == "m")
        #expect(press(.char("q"), in: &state) == [.quit])
        _ = press(.escape, in: &state)
        #expect(state.filter == "")
        _ = press(.char("/"), .char("x"), .escape, in: &state)
        #expect(state.filter == "")
        #expect(state.inputMode == .normal)
    }

    @Test func sortCyclesThroughColumns() {
        var state = Fixtures.state()
        _ = press(.char("s"), in: &state)
        #expect(state.sortIndex[.watchlist] == WatchlistSort.symbol.rawValue)
        for _ in 1..<WatchlistSort.allCases.count { _ = press(.char("s"), in: &state) }
        #expect(state.sortIndex[.watchlist] == WatchlistSort.watchlistOrder.rawValue)
    }

    @Test func refreshIntervalSteps() {
        var state = Fixtures.state()
        #expect(press(.char("+"), in: &state) == [.command(.setRefreshInterval(5))])
        #expect(
            press(.char("-"), .char("-"), in: &state) == [
                .command(.setRefreshInterval(2)), .command(.setRefreshInterval(1)),
            ])
        state.refreshInterval = 60
        #expect(press(.char("+"), in: &state) == [])
        state.refreshInterval = 3
        #expect(press(.char("-"), in: &state) == [.command(.setRefreshInterval(2))])
    }

    @Test func pauseRefreshAndQuit() {
        var state = Fixtures.state()
        #expect(press(.char("p"), in: &state) == [.command(.setPaused(true))])
        #expect(press(.char("p"), in: &state) == [.command(.setPaused(false))])
        #expect(press(.char("r"), in: &state) == [.command(.refreshNow)])
        #expect(press(.char("q"), in: &state) == [.quit])
        #expect(press(.ctrl("c"), in: &state) == [.quit])
        #expect(press(.ctrl("l"), in: &state) == [.redraw])
    }

    @Test func addAndRemoveSymbols() {
        var state = Fixtures.state()
        #expect(
            press(.char("a"), .char("b"), .char("r"), .char("k"), .char("."), .char("b"), .enter, in: &state)
                == [.command(.addSymbol("BRK.B"))])
        #expect(press(.char("a"), .char("1"), .enter, in: &state) == [])
        #expect(state.notice == "not a stock symbol: 1")
        #expect(press(.char("a"), .char("x"), .escape, in: &state) == [])
        #expect(state.inputMode == .normal)
        _ = press(.down, in: &state)
        #expect(press(.char("d"), in: &state) == [.command(.removeSymbol("MSFT"))])
        _ = press(.char("3"), in: &state)
        #expect(press(.char("d"), in: &state) == [])
    }

    @Test func helpOverlayToggles() {
        var state = Fixtures.state()
        _ = press(.char("?"), in: &state)
        #expect(state.helpVisible)
        #expect(press(.down, in: &state) == [])
        _ = press(.escape, in: &state)
        #expect(!state.helpVisible)
        _ = press(.char("?"), .char("?"), in: &state)
        #expect(!state.helpVisible)
    }

    @Test func keysBeforeTheFirstUpdateAreSafe() {
        var state = AppState()
        for key: Key in [.down, .enter, .pageDown, .char("G"), .char("d"), .char("]"), .char("2"), .escape] {
            #expect(press(key, in: &state) == [])
        }
    }

    @Test func updatesClampSelections() {
        var state = Fixtures.state()
        _ = press(.char("G"), in: &state)
        var market = Fixtures.market
        market.watchlist = Array(market.watchlist.prefix(2))
        _ = update(&state, .update(DashboardUpdate(market: market)))
        #expect(state.lists[.watchlist]?.selected == 1)
    }

    @Test func resizeAndTickOnlyChangeTheirFields() {
        var state = Fixtures.state()
        #expect(update(&state, .resize(Size(width: 100, height: 30))) == [])
        #expect(state.size == Size(width: 100, height: 30))
        #expect(update(&state, .tick(now: Fixtures.ago(-1))) == [])
        #expect(state.now == Fixtures.ago(-1))
    }

    @Test func everyBindingIsReachable() {
        for panel in Panel.allCases {
            for binding in KeyMaps.bindings(for: panel) {
                for key in binding.keys {
                    #expect(KeyMaps.action(for: key, on: panel) != nil, "\(key) on \(panel)")
                }
            }
        }
    }
}

/// The option stream follows the screen: the contracts in view are asked for whenever they change.
@Suite struct VisibleContractsTests {
    static func names(_ strikes: [Int]) -> [String] {
        strikes.flatMap { strike in
            Fixtures.chain.rows.filter { $0.strikeThousandths == strike }.flatMap {
                [$0.call?.contract.description, $0.put?.contract.description].compactMap { $0 }
            }
        }
    }

    @Test func theContractsInViewAreStreamedAndNoneOnceTheChainIsClosed() {
        // 10 rows tall: 3 chain rows in view, centred on the at-the-money strike (187.50).
        var state = AppState(size: Size(width: 100, height: 10))
        #expect(update(&state, .update(Fixtures.update)) == [], "the watchlist shows no contract")
        state.routes = [.watchlist, .optionChain("AAPL")]
        state.chainSymbol = "AAPL"
        #expect(
            update(&state, .tick(now: Fixtures.now)) == [
                .command(.streamContracts(Self.names([185_000, 187_500, 190_000])))
            ])
        #expect(update(&state, .tick(now: Fixtures.now)) == [], "nothing moved: nothing asked")
        _ = update(&state, .key(.down))
        let scrolled = update(&state, .key(.down))
        #expect(scrolled == [.command(.streamContracts(Self.names([187_500, 190_000, 195_000])))])
        #expect(state.streamedContracts == Self.names([187_500, 190_000, 195_000]))
        #expect(update(&state, .key(.char("6"))) == [], "another panel keeps the open chain's contracts")
        _ = update(&state, .key(.char("2")))
        #expect(state.route == .optionChain("AAPL"))
        let left = update(&state, .key(.escape))
        #expect(left.last == .command(.streamContracts([])), "\(left)")
    }
}
