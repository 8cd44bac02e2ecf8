import Foundation
import MarketModel
import Testing

@testable import AlpacaSimulator

/// Pure tests of the seeded market: determinism, quotes, chains, clock, bars pagination.
struct MarketModelTests {
    /// Tuesday 2024-03-12 10:15:22.5 New York (EDT): inside the regular session.
    static let sessionTime = Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!

    func clock(_ time: Timestamp = sessionTime, _ mode: MarketMode = .auto) -> ClockState {
        ClockState(now: time, mode: mode)
    }

    @Test func stableHashIsFNV1aAndProcessIndependent() {
        #expect(StableHash.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.mix(0) == 0xe220_a839_7b1d_cdaf)
    }

    @Test func latestQuoteAndTradeTimesNeverGoBackwards() {
        // As Alpaca's: the pipeline holds back an older quote after a newer one (V011), so a
        // simulated market whose latest times jumped back at second boundaries looked broken.
        for symbol in ["AAPL", "MSFT", "ZAQ", "QQQ"] {
            let engine = StockEngine(profile: StockProfile(symbol: symbol, seed: 1))
            var last: (quote: Timestamp, trade: Timestamp)?
            for step in 0..<600 {
                let instant = Self.sessionTime.adding(seconds: Double(step) * 0.05)
                let quote = engine.quote(at: instant)
                let trade = engine.trade(at: instant, quote: quote)
                #expect(quote.time <= instant && trade.time <= quote.time)
                if let last {
                    #expect(quote.time >= last.quote, "\(symbol) quote at \(instant)")
                    #expect(trade.time >= last.trade, "\(symbol) trade at \(instant)")
                }
                last = (quote.time, trade.time)
            }
        }
    }

    @Test func sameSeedGivesSameMarketAndDifferentSeedDiffers() {
        let a = StockEngine(profile: StockProfile(symbol: "AAPL", seed: 1))
        let b = StockEngine(profile: StockProfile(symbol: "AAPL", seed: 1))
        let c = StockEngine(profile: StockProfile(symbol: "AAPL", seed: 2))
        #expect(a.quote(at: Self.sessionTime) == b.quote(at: Self.sessionTime))
        #expect(a.trade(at: Self.sessionTime) == b.trade(at: Self.sessionTime))
        #expect(a.profile.basePrice != c.profile.basePrice)
        #expect(a.quote(at: Self.sessionTime) != c.quote(at: Self.sessionTime))
    }

    @Test(arguments: ["AAPL", "TSLA", "F", "BRK.B", "ZZZZ", "SPY", "A", "GME"])
    func quotesAreSaneAndPricesMovePerSecond(symbol: String) {
        let engine = StockEngine(profile: StockProfile(symbol: symbol, seed: 7))
        #expect((5...800).contains(engine.profile.basePrice))
        for offset in 0..<50 {
            let time = Self.sessionTime.adding(seconds: Double(offset))
            let quote = engine.quote(at: time)
            #expect(quote.bidPrice > 0)
            #expect(quote.bidPrice < quote.askPrice)
            #expect(quote.time <= time)
            let spreadBps = (quote.askPrice - quote.bidPrice) / quote.askPrice * 10_000
            #expect(spreadBps < 120)
            let price = engine.mid(at: time)
            #expect(price > engine.profile.basePrice * 0.3 && price < engine.profile.basePrice * 3)
        }
        let prices = Set((0..<20).map { engine.mid(at: Self.sessionTime.adding(seconds: Double($0))) })
        #expect(prices.count > 10)
        // Within one second the price is constant.
        #expect(engine.mid(at: Self.sessionTime) == engine.mid(at: Self.sessionTime.adding(seconds: 0.4)))
    }

    @Test func cheapNamesHaveWiderSpreads() {
        let profiles = (0..<200).map {
            StockProfile(symbol: "S\($0 % 26)X\($0 / 26)".filter(\.isLetter), seed: UInt64($0))
        }
        let cheap = profiles.filter { $0.basePrice < 20 }.map(\.spreadBasisPoints)
        let dear = profiles.filter { $0.basePrice > 200 }.map(\.spreadBasisPoints)
        #expect(!cheap.isEmpty && !dear.isEmpty)
        #expect(cheap.min()! > dear.max()!)
    }

    @Test(arguments: ["AAPL", "F", "SPY", "NVDA", "TSLA"])
    func wholeChainIsConsistent(symbol: String) {
        let engine = OptionEngine(
            underlying: StockEngine(profile: StockProfile(symbol: symbol, seed: 3)), clock: clock())
        #expect(engine.expirations.count >= 6)
        #expect(engine.expirations.allSatisfy { $0.weekday == 5 })
        let strikes = engine.strikesThousandths.map { Double($0) / 1000 }
        #expect(strikes.count >= 20)
        #expect(strikes.min()! < engine.referencePrice && engine.referencePrice < strikes.max()!)
        let below = strikes.filter { $0 < engine.referencePrice }.count
        #expect(abs(below - (strikes.count - below)) <= 2)
        var snapshots: [String: SimOptionSnapshot] = [:]
        for contract in engine.contracts {
            let snapshot = engine.snapshot(contract)
            snapshots[contract.description] = snapshot
            #expect(snapshot.quote.bidPrice >= 0)
            #expect(snapshot.quote.bidPrice <= snapshot.quote.askPrice)
            #expect(snapshot.quote.bidPrice <= snapshot.theoretical && snapshot.theoretical <= snapshot.quote.askPrice)
            #expect(snapshot.impliedVolatility > 0 && snapshot.impliedVolatility < 3)
            #expect(snapshot.greeks.gamma >= 0 && snapshot.greeks.vega >= 0)
            if contract.kind == .call {
                #expect((0...1).contains(snapshot.greeks.delta))
            } else {
                #expect((-1...0).contains(snapshot.greeks.delta))
            }
            if let trade = snapshot.trade {
                #expect(trade.price >= snapshot.quote.bidPrice - 0.01 && trade.price <= snapshot.quote.askPrice + 0.01)
            }
        }
        // Put-call parity, C − P = S − K·e^(−rT), holds within the quoted spreads.
        for contract in engine.contracts where contract.kind == .call {
            var putSymbol = contract
            putSymbol.kind = .put
            let call = snapshots[contract.description]!
            let put = snapshots[putSymbol.description]!
            let years =
                max(TradingCalendar.close(on: contract.expiration).seconds(since: Self.sessionTime), 3600)
                / PricePath.secondsPerYear
            let forward = call.underlyingPrice - contract.strike * exp(-OptionEngine.rate * years)
            #expect(call.quote.bidPrice - put.quote.askPrice <= forward + 1e-9)
            #expect(forward <= call.quote.askPrice - put.quote.bidPrice + 1e-9)
        }
    }

    @Test func clockFollowsNewYorkTimeInAutoMode() {
        let open = clock()
        #expect(open.isOpen)
        #expect(open.nextClose == Timestamp(rfc3339: "2024-03-12T16:00:00-04:00"))
        #expect(open.nextOpen == Timestamp(rfc3339: "2024-03-13T09:30:00-04:00"))
        #expect(open.priceTime == open.now)
        let saturday = clock(Timestamp(rfc3339: "2024-03-16T15:00:00Z")!)
        #expect(!saturday.isOpen)
        #expect(saturday.nextOpen == Timestamp(rfc3339: "2024-03-18T09:30:00-04:00"))
        #expect(saturday.nextClose == Timestamp(rfc3339: "2024-03-18T16:00:00-04:00"))
        #expect(saturday.priceTime == Timestamp(rfc3339: "2024-03-15T16:00:00-04:00"))
        let early = clock(Timestamp(rfc3339: "2024-01-09T13:00:00Z")!)  // 08:00 EST
        #expect(!early.isOpen)
        #expect(early.nextOpen == Timestamp(rfc3339: "2024-01-09T09:30:00-05:00"))
    }

    @Test(arguments: [MarketMode.open, .closed, .pre, .post])
    func forcedModesAreConsistent(mode: MarketMode) {
        for text in ["2024-03-12T14:15:22Z", "2024-03-16T15:00:00Z", "2024-03-12T23:00:00Z"] {
            let state = clock(Timestamp(rfc3339: text)!, mode)
            #expect(state.isOpen == (mode == .open))
            #expect(state.nextOpen > state.now)
            #expect(state.nextClose > state.now)
            #expect(state.isOpen ? state.nextClose < state.nextOpen : state.nextOpen < state.nextClose)
            #expect(state.isMoving == (mode != .closed))
        }
    }

    @Test func timeframesParseAsAlpacaSpellsThem() {
        #expect(Timeframe("1Min")?.seconds == 60)
        #expect(Timeframe("5T")?.seconds == 300)
        #expect(Timeframe("15Min")?.canonical == "15Min")
        #expect(Timeframe("1Hour")?.seconds == 3600)
        #expect(Timeframe("2H")?.canonical == "2Hour")
        #expect(Timeframe("1Day")?.unit == .day)
        #expect(Timeframe("1D")?.unit == .day)
        for bad in ["", "Min", "0Min", "60Min", "24Hour", "2Day", "1min", "1Week", "1Month", "x1Min"] {
            #expect(Timeframe(bad) == nil)
        }
    }

    func series(_ timeframe: String, descending: Bool = false) -> BarSeries {
        // Minute bars over a shorter range keep the debug-build test fast.
        let start = timeframe == "1Min" ? "2024-03-07T00:00:00Z" : "2024-02-01T00:00:00Z"
        return BarSeries(
            timeframe: Timeframe(timeframe)!, start: Timestamp(rfc3339: start)!,
            end: Self.sessionTime, horizon: Self.sessionTime, descending: descending)
    }

    @Test(arguments: ["1Min", "15Min", "1Hour", "1Day"], [false, true])
    func paginationRoundTripsAndCountsLimitAcrossSymbols(timeframe: String, descending: Bool) async {
        let engines = ["AAPL", "MSFT", "TSLA"].map { StockEngine(profile: StockProfile(symbol: $0, seed: 1)) }
        let series = series(timeframe, descending: descending)
        let whole = series.page(engines: engines, limit: 1_000_000, from: nil)
        #expect(whole.next == nil)
        var paged: [String: [SimBar]] = [:]
        var cursor: BarSeries.Cursor?
        var pages = 0
        repeat {
            await Task.yield()  // minute bars take hundreds of pages; let the HTTP suites' servers in
            let page = series.page(engines: engines, limit: 397, from: cursor)
            let count = page.bars.reduce(0) { $0 + $1.bars.count }
            #expect(count <= 397)
            if page.next != nil { #expect(count == 397) }
            for (symbol, bars) in page.bars { paged[symbol, default: []] += bars }
            cursor = page.next
            pages += 1
        } while cursor != nil && pages < 1000
        #expect(whole.bars.map(\.symbol) == ["AAPL", "MSFT", "TSLA"])
        for (symbol, bars) in whole.bars {
            #expect(paged[symbol] == bars)
            let times = bars.map(\.time)
            #expect(times == (descending ? times.sorted(by: >) : times.sorted()))
            #expect(bars.allSatisfy { $0.low <= min($0.open, $0.close) && $0.high >= max($0.open, $0.close) })
        }
    }

    @Test func dailyHistoryCoversThirtyTradingDaysStampedAtNewYorkMidnight() {
        let engine = StockEngine(profile: StockProfile(symbol: "AAPL", seed: 1))
        let page = series("1Day").page(engines: [engine], limit: 10_000, from: nil)
        let bars = page.bars[0].bars
        #expect(bars.count >= 28)
        #expect(bars[0].time.rfc3339 == "2024-02-01T05:00:00Z")
        #expect(bars.last?.time.rfc3339 == "2024-03-12T04:00:00Z")
        #expect(bars.allSatisfy { !NewYorkTime($0.time).date.isWeekend && NewYorkTime($0.time).secondOfDay == 0 })
    }

    @Test func jsonWriterIsStableAndValid() throws {
        let value = JSONValue.object([
            "b": .number(174), "a": .number(0.1), "c": .string("q\"\\\u{1b}[31m\n"), "d": .null,
            "e": .array([.bool(true), .int(-3), .number(.nan), .number(1e-5)]),
        ])
        #expect(value.text == #"{"a":0.1,"b":174,"c":"q\"\\\u001b[31m\n","d":null,"e":[true,-3,null,1e-05]}"#)
        _ = try AnyJSON.parse(value.bytes)
        #expect(WireEncoder.decimalText(245_432.61) == "245432.61")
        #expect(WireEncoder.decimalText(170) == "170")
        #expect(WireEncoder.decimalText(162.5, places: 3) == "162.5")
    }

    @Test func pageTokensAreOpaqueBase64() {
        let token = PageToken.encode("AAPL|1Day|2022-02-02T05:00:00.000000000Z")
        #expect(token == "QUFQTHwxRGF5fDIwMjItMDItMDJUMDU6MDA6MDAuMDAwMDAwMDAwWg==")
        #expect(PageToken.decode(token) == "AAPL|1Day|2022-02-02T05:00:00.000000000Z")
        #expect(PageToken.decode("%%%") == nil)
        #expect(Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!.rfc3339NineDigits == "2024-03-12T14:15:22.500000000Z")
    }
}
