import DashboardUI
import MarketMetrics
import MarketModel
import TUICore
import TUITestSupport
import Testing

struct SnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let screens: [(String, [Route])] = [
        ("watchlist", [.watchlist]),
        ("chain", [.watchlist, .optionChain("AAPL")]),
        ("contract", [.watchlist, .optionChain("AAPL"), .contract(Fixtures.contract(.call, 187_500))]),
        ("quality", [.quality]),
        ("validation", [.validation]),
        ("cache", [.cache]),
        ("upstream", [.upstream]),
    ]

    func frame(_ state: AppState) -> ScreenBuffer {
        render(state, theme: .default, size: state.size, now: Fixtures.now)
    }

    @Test(arguments: sizes)
    func everyScreen(size: Size) {
        for (name, routes) in Self.screens {
            expectSnapshot(frame(Fixtures.state(routes, size: size)), named: name)
        }
    }

    @Test(arguments: sizes)
    func helpOverlay(size: Size) {
        var state = Fixtures.state(size: size)
        state.helpVisible = true
        expectSnapshot(frame(state), named: "help")
    }

    @Test(arguments: sizes + [Size(width: 40, height: 12)])
    func waitingForData(size: Size) {
        expectSnapshot(render(AppState(size: size), theme: .default, size: size, now: Fixtures.now), named: "waiting")
    }

    @Test func drawingIntoARecycledFrameGivesTheSameFrame() {
        // The loop draws each frame into the storage of the one before last.
        var recycled = frame(Fixtures.state([.watchlist, .optionChain("AAPL")], size: Self.sizes[1]))
        for (_, routes) in Self.screens {
            for size in Self.sizes + [Size(width: 40, height: 12)] {
                let state = Fixtures.state(routes, size: size)
                render(state, theme: .default, size: size, now: Fixtures.now, into: &recycled)
                #expect(recycled == frame(state))
            }
        }
    }

    @Test func simulatedBadgeShowsBeforeTheFirstUpdate() {
        let state = AppState(origin: .simulated)
        let text = render(state, theme: .default, size: state.size, now: Fixtures.now).snapshotText
        #expect(text.contains("SIMULATED"))
        #expect(text.contains("Waiting for data"))
    }

    @Test func offlineBannerWhileTheBreakerIsOpenAndLastGoodValuesStay() {
        var metrics = Fixtures.metrics
        metrics.connection = .offline
        var state = Fixtures.state(size: Size(width: 120, height: 12))
        _ = update(&state, .update(DashboardUpdate(market: Fixtures.market, metrics: metrics, cache: Fixtures.cache)))
        let offline = frame(state).snapshotText
        let statusLine = offline.split(separator: "\n").first { $0.contains("SIMULATED") || $0.contains("LIVE") }
        #expect(statusLine?.contains("OFFLINE") == true, "\(offline)")
        #expect(offline.contains("AAPL"), "last good rows stay on screen")
        metrics.connection = .degraded
        _ = update(&state, .update(DashboardUpdate(market: Fixtures.market, metrics: metrics, cache: Fixtures.cache)))
        #expect(!frame(state).snapshotText.contains("OFFLINE"), "one failed attempt is not OFFLINE")
    }

    @Test func alertsShowAsABadgeAndAListAboveTheValidationFailures() {
        var market = Fixtures.market
        market.alerts = [
            AlertEvent(
                rule: "rejections V009 > 5/min", ruleIndex: 1, state: .firing, symbol: nil, value: 7, threshold: 5,
                time: Fixtures.ago(5)),
            AlertEvent(
                rule: "AAPL last > 187", ruleIndex: 0, state: .resolved, symbol: "AAPL", value: 186.8, threshold: 187,
                time: Fixtures.ago(30)),
            AlertEvent(
                rule: "AAPL last > 187", ruleIndex: 0, state: .firing, symbol: "AAPL", value: 187.25, threshold: 187,
                time: Fixtures.ago(60)),
        ]
        market.activeAlertCount = 1
        market.alertsFired = 2
        var state = Fixtures.state([.validation], size: Size(width: 120, height: 24))
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        let text = frame(state).snapshotText
        #expect(text.contains("⚑ 1 ALERT "))
        #expect(text.contains("Alerts: 1 firing"))
        expectSnapshot(frame(state), named: "validation-alerts")
        // Without alerts the panel is as before: no badge, no list.
        #expect(
            !frame(Fixtures.state([.validation], size: Size(width: 120, height: 24))).snapshotText.contains("Alerts"))
    }

    static func chartState(size: Size) -> AppState {
        var market = Fixtures.market
        var slots: [ChartSeries.Slot] = []
        var price = 186.0
        for index in 0..<90 {
            // 09:00 onwards in 5-minute bars: the first six are pre-market.
            let time = Fixtures.ago(Double(90 - index) * 300)
            let move = Double((index * 37) % 11) / 10 - 0.5
            let open = price
            price += move
            if index == 60 {
                slots.append(
                    .rejected(
                        time: time,
                        failure: PipelineFailure(
                            code: .dataValidationError, rule: RuleID(rawValue: "V002"), symbol: "AAPL",
                            message: "close 0")))
                continue
            }
            slots.append(
                .bar(
                    Bar(
                        time: time, open: open, high: max(open, price) + 0.2, low: min(open, price) - 0.2, close: price,
                        volume: Int64(1000 + (index * 7919) % 5000))))
        }
        market.chart = ChartSeries(symbol: "AAPL", timeframe: "5Min", slots: slots, fetchedAt: Fixtures.ago(3))
        var state = Fixtures.state([.watchlist, .chart("AAPL")], size: size)
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        return state
    }

    @Test(arguments: sizes + [Size(width: 40, height: 12), Size(width: 20, height: 8)])
    func chartScreen(size: Size) {
        let text = frame(Self.chartState(size: size)).snapshotText
        if size.width >= 80 {
            #expect(text.contains("[5Min]") && text.contains("✗ 1 bar rejected (V002), drawn as gaps"))
            #expect(text.contains("◀187.25"), "the watchlist's validated last price is marked")
        }
        expectSnapshot(frame(Self.chartState(size: size)), named: "chart")
    }

    static func portfolioState(size: Size) -> AppState {
        func figure(_ text: String) -> PortfolioView.Figure {
            PortfolioView.Figure(text: text, value: Double(text) ?? 0)
        }
        var market = Fixtures.market
        market.portfolio = PortfolioView(
            account: PortfolioView.Account(
                status: "ACTIVE", equity: figure("104512.37"), lastEquity: figure("103980.10"),
                cash: figure("61240.12"),
                buyingPower: figure("122480.24"), longMarketValue: figure("43272.25"), shortMarketValue: figure("0"),
                patternDayTrader: false, daytradeCount: 0),
            positions: [
                PortfolioView.Position(
                    symbol: "AAPL", side: "long", assetClass: "us_equity", quantity: figure("120"),
                    averageEntryPrice: figure("176.4"), currentPrice: figure("187.25"), marketValue: figure("22470"),
                    costBasis: figure("21168"), unrealizedPL: figure("1302"), unrealizedPLPercent: figure("0.0615"),
                    intradayPL: figure("210"), intradayPLPercent: figure("0.0094")),
                PortfolioView.Position(
                    symbol: "MSFT", side: "long", assetClass: "us_equity", quantity: figure("40"),
                    averageEntryPrice: figure("420.1"), currentPrice: figure("412.1"), marketValue: figure("16484"),
                    costBasis: figure("16804"), unrealizedPL: figure("-320"), unrealizedPLPercent: figure("-0.019"),
                    intradayPL: figure("-116"), intradayPLPercent: figure("-0.007"),
                    flags: [
                        PipelineFailure(
                            code: .businessRuleViolation, rule: RuleID(rawValue: "P001"), symbol: "MSFT",
                            message: "outside")
                    ], isStale: true),
                PortfolioView.Position(
                    symbol: "AAPL240322C00187500", side: "long", assetClass: "us_option", quantity: figure("2"),
                    averageEntryPrice: figure("2.65"), currentPrice: figure("3.05"), marketValue: figure("610"),
                    costBasis: figure("530"), unrealizedPL: figure("80"), unrealizedPLPercent: figure("0.1509"),
                    intradayPL: nil, intradayPLPercent: nil),
            ],
            orders: [
                PortfolioView.Order(
                    symbol: "NVDA", side: "buy", type: "limit", quantity: figure("10"), filledQuantity: figure("0"),
                    limitPrice: figure("860"), stopPrice: nil, status: "new", submittedAt: Fixtures.ago(600))
            ], fetchedAt: Fixtures.ago(4))
        var state = Fixtures.state([.portfolio], size: size)
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        return state
    }

    @Test(arguments: sizes + [Size(width: 40, height: 12)])
    func portfolioPanel(size: Size) {
        let state = Self.portfolioState(size: size)
        let text = frame(state).snapshotText
        #expect(text.contains("104512.37") && text.contains("No open") == false)
        if size.width >= 80 { #expect(text.contains("! P001") || size.width < 120) }
        expectSnapshot(frame(state), named: "portfolio")
    }

    @Test func portfolioKeysSortAndDrillIntoTheChain() {
        var state = Self.portfolioState(size: Size(width: 120, height: 40))
        _ = update(&state, .key(.char("s")))
        #expect(state.visiblePositions.map(\.symbol) == ["AAPL", "AAPL240322C00187500", "MSFT"], "by symbol")
        _ = update(&state, .key(.char("s")))
        #expect(state.visiblePositions.map(\.symbol) == ["AAPL", "MSFT", "AAPL240322C00187500"], "by market value")
        _ = update(&state, .key(.char("s")))
        #expect(state.visiblePositions.map(\.symbol) == ["AAPL", "AAPL240322C00187500", "MSFT"], "by unrealized P&L")
        _ = update(&state, .key(.char("s")))
        #expect(state.visiblePositions.map(\.symbol) == ["AAPL", "MSFT", "AAPL240322C00187500"], "by day P&L, — last")
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.down))
        // An option position opens its contract, loading the chain at its expiry.
        let contract = OCCSymbol("AAPL240322C00187500")!
        #expect(
            update(&state, .key(.enter)) == [
                .command(.openChain(underlying: "AAPL", expiration: contract.expiration)),
                .command(.streamContracts([contract.description])),
            ])
        #expect(state.route == .contract(contract))
        _ = update(&state, .key(.escape))
        #expect(state.route == .optionChain("AAPL"))
        // A stock position opens its chain (already focused here, so no new command).
        _ = update(&state, .key(.char("7")))
        _ = update(&state, .key(.char("g")))
        #expect(state.visiblePositions.first?.symbol == "AAPL")
        #expect(update(&state, .key(.enter)) == [])
        #expect(state.route == .optionChain("AAPL"))
        // c charts the selected position's stock.
        _ = update(&state, .key(.char("7")))
        _ = update(&state, .key(.down))
        #expect(update(&state, .key(.char("c"))) == [.command(.openChart(symbol: "MSFT", timeframe: "5Min"))])
        #expect(state.route == .chart("MSFT"))
        var fresh = Fixtures.state()
        _ = update(&fresh, .key(.char("7")))
        #expect(fresh.route == .portfolio)
    }

    @Test func degradedLayout() {
        let size = Size(width: 40, height: 12)
        for (name, routes) in Self.screens {
            expectSnapshot(frame(Fixtures.state(routes, size: size)), named: "degraded-" + name)
        }
        expectSnapshot(
            render(
                AppState(size: Size(width: 10, height: 3)), theme: .default, size: Size(width: 10, height: 3),
                now: Fixtures.now), named: "too-small")
    }

    @Test func watchlistStylesCarryMeaning() {
        expectSnapshot(
            frame(Fixtures.state(size: Size(width: 120, height: 12))), named: "watchlist-styles", includeStyles: true)
    }

    @Test func filterPromptAndSort() {
        var state = Fixtures.state()
        for key: Key in [.char("/"), .char("a")] { _ = update(&state, .key(key)) }
        expectSnapshot(frame(state), named: "watchlist-filtering")
        _ = update(&state, .key(.escape))
        for _ in 0..<2 { _ = update(&state, .key(.char("s"))) }
        expectSnapshot(frame(state), named: "watchlist-sorted-change")
    }

    @Test func noUpstreamControlCharacterReachesTheScreen() {
        for size in Self.sizes {
            for (_, routes) in Self.screens {
                let text = frame(Fixtures.state(routes, size: size)).snapshotText
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
                #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B || $0.value == 0x1B })
            }
        }
    }

    @Test func everyRowFitsTheScreen() {
        for size in Self.sizes + [Size(width: 40, height: 12), Size(width: 1, height: 1), Size(width: 200, height: 60)]
        {
            for (_, routes) in Self.screens {
                let buffer = frame(Fixtures.state(routes, size: size))
                #expect(buffer.size == size)
                for line in buffer.snapshotText.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) == size.width + 1)
                }
            }
        }
    }
}

extension SnapshotTests {
    /// The stream's states on the status bar and its figures on the Upstream panel.
    @Test(arguments: sizes)
    func streamStates(size: Size) {
        var streaming = StreamStatus(
            state: .streaming, url: "wss://stream.data.alpaca.markets/v2/iex", framing: "msgpack")
        streaming.subscribed = ["AAPL", "MSFT", "SPY"]
        streaming.overflow = ["NVDA"]
        streaming.messagesPerSecond = ["q": 41.5, "t": 12.2, "b": 0.1]
        streaming.lagP50 = 38.2
        streaming.lagP99 = 412
        streaming.reconnects = 2
        streaming.stalls = 1
        streaming.reseeds = 3
        streaming.gaps = 2
        streaming.rejected = 4
        streaming.outOfOrder = 1
        streaming.lastErrorCode = 405
        streaming.lastErrorMessage = "symbol limit exceeded"
        var reconnecting = streaming
        reconnecting.state = .reconnecting(at: Fixtures.now.adding(seconds: 4))
        var refused = streaming
        refused.state = .polling(reason: "406 connection limit exceeded", retryAt: Fixtures.now.adding(seconds: 57))
        for (name, stream) in [("streaming", streaming), ("reconnecting", reconnecting), ("polling", refused)] {
            var market = Fixtures.market
            market.stream = stream
            var state = Fixtures.state([.upstream], size: size)
            _ = update(
                &state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
            let text = frame(state).snapshotText
            switch name {
            case "streaming": #expect(text.contains("STREAM ●"))
            case "reconnecting": #expect(text.contains("reconnecting in 4s"))
            default: #expect(text.contains("POLL ○ 406"))
            }
            expectSnapshot(frame(state), named: "stream-" + name)
        }
    }

    /// An update older than the one shown is ignored: generations only move forward.
    @Test func anOlderGenerationIsIgnored() {
        var state = Fixtures.state()
        let shown = state.latest?.market.generation ?? 0
        var newer = Fixtures.market
        newer.generation = shown + 2
        newer.paused = true
        var older = Fixtures.market
        older.generation = shown + 1
        _ = update(&state, .update(DashboardUpdate(market: newer)))
        _ = update(&state, .update(DashboardUpdate(market: older)))
        #expect(state.latest?.market.generation == shown + 2 && state.paused)
    }
}

extension SnapshotTests {
    /// A changed price is highlighted for a moment, and only the cell that changed.
    @Test func aTickHighlightsTheChangedCellBriefly() throws {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        var market = try #require(state.latest?.market)
        market.generation += 1
        // Not the selected row, whose selection style wins.
        var row = market.watchlist[1]
        var quote = try #require(row.quote)
        quote.value.bidPrice = (quote.value.bidPrice ?? 1) + 0.01
        quote.enrichment.processingTimestamp = Fixtures.now
        row.quote = quote
        market.watchlist[1] = row
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        let tick = try #require(state.ticks[row.symbol])
        #expect(tick.bid && !tick.ask && !tick.last)
        let theme = Theme.default
        let fresh = render(state, theme: theme, size: state.size, now: Fixtures.now.adding(seconds: 0.3))
        let later = render(state, theme: theme, size: state.size, now: Fixtures.now.adding(seconds: 2))
        #expect(theme.style(.priceTicked).attributes.contains(.reverse))
        let freshCells = (0..<fresh.size.height).flatMap { y in (0..<fresh.size.width).map { fresh[$0, y] } }
        let laterCells = (0..<later.size.height).flatMap { y in (0..<later.size.width).map { later[$0, y] } }
        // Only the bid cell (8 columns) is highlighted, and only for a moment.
        let highlighted = freshCells.filter { $0.style.attributes.contains(.reverse) }.count
        let after = laterCells.filter { $0.style.attributes.contains(.reverse) }.count
        #expect(highlighted - after == 8)
    }
}

extension SnapshotTests {
    /// A halted symbol is marked ‖ in the watchlist (and the mark is in the help).
    @Test func aHaltedRowIsMarked() throws {
        var state = Fixtures.state(size: Size(width: 120, height: 40))
        var market = try #require(state.latest?.market)
        market.generation += 1
        market.watchlist[1].haltCode = "H"
        _ = update(&state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
        let text = frame(state).snapshotText
        let line = try #require(text.split(separator: "\n").first { $0.contains(market.watchlist[1].symbol + " ") })
        #expect(line.contains("‖"))
        #expect(text.filter { $0 == "‖" }.count == 1, "only the halted row")
    }
}

extension SnapshotTests {
    /// The option stream on the chain's header and on its own line of the Upstream panel.
    @Test(arguments: sizes)
    func theOptionStreamOnTheChainAndTheUpstreamPanel(size: Size) {
        var options = StreamStatus(
            state: .streaming, url: "wss://stream.data.alpaca.markets/v1beta1/indicative", framing: "msgpack")
        options.subscribed = VisibleContractsTests.names([185_000, 187_500, 190_000])
        options.messagesPerSecond = ["q": 18.5, "t": 0.4]
        options.lagP99 = 95
        var market = Fixtures.market
        market.optionStream = options
        let routes: [(String, [Route])] = [("chain", [.watchlist, .optionChain("AAPL")]), ("upstream", [.upstream])]
        for (name, route) in routes {
            var state = Fixtures.state(route, size: size)
            _ = update(
                &state, .update(DashboardUpdate(market: market, metrics: Fixtures.metrics, cache: Fixtures.cache)))
            let text = frame(state).snapshotText
            #expect(text.contains(name == "chain" ? "STREAM ● 6" : "Options     STREAM ● · contracts 6"), "\(name)")
            expectSnapshot(frame(state), named: "option-stream-" + name)
        }
    }
}
