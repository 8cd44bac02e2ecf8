import Foundation
import MarketModel
import Testing

@testable import AlpacaSimulator

/// The remembered values (knot tables, completed bars, the price of a second, engines kept per
/// symbol) serve the same bits as the computation they replace, copied here as it was before.
///
/// The long loops yield now and then: every suite shares one process and two cooperative
/// threads with the in-process simulators of the HTTP tests, which must still get to answer.
struct MemoEquivalenceTests {
    /// The price path exactly as computed before knot tables: every knot from `log` and `cos`.
    struct ReferencePath {
        let path: PricePath

        func logOffset(second: Int64) -> Double {
            var sum = 0.0
            for (index, period) in PricePath.scales.enumerated() {
                let knot = second >= 0 ? second / period : (second - period + 1) / period
                let fraction = Double(second - knot * period) / Double(period)
                let gaussian = { (knot: Int64) -> Double in
                    let word = StableHash.combine(path.key, UInt64(index), UInt64(bitPattern: knot))
                    let u1 = max(StableHash.unit(word), 1e-12)
                    let u2 = StableHash.unit(StableHash.mix(word))
                    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
                }
                let a = gaussian(knot)
                let b = gaussian(knot + 1)
                let sigma = path.volatility * (Double(period) / (2 * PricePath.secondsPerYear)).squareRoot()
                sum += sigma * (a + (b - a) * fraction)
            }
            return sum
        }

        func price(second: Int64) -> Double { path.basePrice * exp(logOffset(second: second)) }
    }

    /// The engine's bars exactly as computed before: every sample from the reference path, nothing kept.
    struct ReferenceEngine {
        let profile: StockProfile
        var path: ReferencePath { ReferencePath(path: profile.path) }

        func bar(label: Timestamp, from start: Timestamp, to end: Timestamp) -> SimBar {
            let seconds = max(1, end.wholeSeconds - start.wholeSeconds)
            let sampleCount = Int(min(30, max(6, seconds / 60 + 1)))
            var samples: [Double] = []
            for index in 0..<sampleCount {
                let offset = (seconds - 1) * Int64(index) / Int64(sampleCount - 1)
                samples.append(Rounding.stockPrice(path.price(second: start.wholeSeconds + offset)))
            }
            let key = StableHash.combine(profile.key, 0xba5, UInt64(bitPattern: start.wholeSeconds))
            let minutes = Double(seconds) / 60
            let share = minutes >= 390 ? 1 : minutes / 390
            let minuteOfSession = min(
                390, max(0, Double(NewYorkTime(start).secondOfDay - TradingCalendar.openSecond) / 60))
            let shape = minutes >= 390 ? 1 : 1 + 1.5 * pow((minuteOfSession - 195) / 195, 2)
            let volume = max(
                1, Int64(profile.averageDailyVolume * share * shape * (0.4 + 1.2 * StableHash.unit(key, 1))))
            let perTrade = 60 + 120 * StableHash.unit(key, 2)
            let mean = samples.reduce(0, +) / Double(samples.count)
            return SimBar(
                time: label, open: samples[0], high: samples.max() ?? samples[0], low: samples.min() ?? samples[0],
                close: samples[samples.count - 1], volume: volume,
                tradeCount: max(1, Int64(Double(volume) / perTrade)), vwap: Rounding.round(mean, places: 6))
        }

        func dailyBar(on date: CalendarDate, now: Timestamp) -> SimBar? {
            let open = TradingCalendar.open(on: date)
            guard TradingCalendar.isTradingDay(date), open < now else { return nil }
            let close = min(TradingCalendar.close(on: date), now)
            var bar = bar(label: NewYorkTime.instant(date: date, secondOfDay: 0), from: open, to: close)
            let key = StableHash.combine(profile.key, 0xda1, UInt64(bitPattern: Int64(date.daysSinceEpoch)))
            let elapsed = Double(close.wholeSeconds - open.wholeSeconds) / (6.5 * 3600)
            bar.volume = max(1, Int64(profile.averageDailyVolume * (0.6 + 0.8 * StableHash.unit(key, 1)) * elapsed))
            // Never below the latest completed minute's volume, which a snapshot serves beside it.
            let lastMinute = Timestamp(seconds: close.wholeSeconds - close.wholeSeconds % 60 - 60)
            if NewYorkTime(lastMinute).date == date {
                let minute = self.bar(label: lastMinute, from: lastMinute, to: lastMinute.adding(seconds: 60))
                bar.volume = max(bar.volume, minute.volume)
            }
            bar.tradeCount = max(1, Int64(Double(bar.volume) / (60 + 120 * StableHash.unit(key, 2))))
            return bar
        }
    }

    static let symbols = ["AAPL", "TSLA", "F", "BRK.B", "SPY"]
    /// Tuesday 2024-03-12 10:15:22 New York: inside the regular session.
    static let session = Timestamp(rfc3339: "2024-03-12T14:15:22Z")!

    @Test(arguments: symbols, [UInt64(1), 42])
    func pathWithKnotTablesIsBitIdentical(symbol: String, seed: UInt64) async {
        let path = StockProfile(symbol: symbol, seed: seed).path
        let reference = ReferencePath(path: path)
        let midnight = Int64(1_710_288_000)  // 2024-03-13T00:00:00Z, a table boundary
        var seconds: [Int64] = Array(midnight - 1500...midnight + 1500)
        let session = Self.session.wholeSeconds
        seconds += Array(stride(from: session - 86_400 * 3, to: session, by: 613))
        seconds += [-1, 0, 1, -86_400, -86_401, -3_600_001, 86_399, 86_400]
        for base in [midnight - 1, midnight, Self.session.wholeSeconds, -5] {
            let table = PathKnotTable(path: path, second: base)
            for (index, second) in seconds.enumerated() {
                if index % 256 == 0 { await Task.yield() }
                let expected = reference.logOffset(second: second).bitPattern
                #expect(path.logOffset(second: second, knots: table).bitPattern == expected, "\(second) @ \(base)")
                #expect(path.logOffset(second: second).bitPattern == expected)
            }
        }
    }

    @Test(arguments: symbols)
    func keptEngineServesTheSameQuotesAndBarsAsBefore(symbol: String) async {
        let engine = StockEngine(profile: StockProfile(symbol: symbol, seed: 7))
        let reference = ReferenceEngine(profile: engine.profile)
        let day = NewYorkTime(Self.session).date
        // Pricing and bars second by second through a session hour, twice (the second pass is served
        // from the memo), including the day's close and the next day's overnight.
        var instants = (0..<180).map { Self.session.adding(seconds: Double($0) * 1.5) }
        instants += [TradingCalendar.close(on: day).adding(seconds: -0.5), TradingCalendar.close(on: day)]
        instants += (0..<30).map { TradingCalendar.close(on: day).adding(seconds: Double($0) * 3_607) }
        for instant in instants + instants {
            await Task.yield()
            let second = instant.wholeSeconds
            #expect(engine.mid(at: instant).bitPattern == reference.path.price(second: second).bitPattern)
            let quote = engine.quote(at: instant)
            #expect(engine.trade(at: instant, quote: quote) == engine.trade(at: instant))
            let minute = Timestamp(seconds: second - second % 60 - 60)
            #expect(
                engine.minuteBar(at: minute)
                    == reference.bar(label: minute, from: minute, to: minute.adding(seconds: 60)))
            let today = NewYorkTime(instant).date
            for date in [today, TradingCalendar.tradingDay(1, before: today)] {
                #expect(engine.dailyBar(on: date, now: instant) == reference.dailyBar(on: date, now: instant))
            }
        }
    }

    @Test func dailyHistoryIsTheSameAndTheMemoStaysBounded() async {
        let engine = StockEngine(profile: StockProfile(symbol: "AAPL", seed: 1))
        let reference = ReferenceEngine(profile: engine.profile)
        let first = CalendarDate(year: 2023, month: 9, day: 1)!
        let days = TradingCalendar.tradingDays(from: first, through: NewYorkTime(Self.session).date)
        for pass in 0..<2 {
            for date in pass == 0 ? days : days.reversed() {
                await Task.yield()
                #expect(engine.dailyBar(on: date, now: Self.session) == reference.dailyBar(on: date, now: Self.session))
            }
        }
        #expect(engine.rememberedDailyBars <= StockMemo.dailyBarLimit)
        let series = BarSeries(
            timeframe: Timeframe("1Day")!, start: Timestamp(rfc3339: "2024-01-02T00:00:00Z")!, end: Self.session,
            horizon: Self.session, descending: false)
        let kept = series.page(engines: [engine], limit: 10_000, from: nil)
        let fresh = series.page(engines: [StockEngine(profile: engine.profile)], limit: 10_000, from: nil)
        #expect(kept.bars.map(\.bars) == fresh.bars.map(\.bars))
    }

    @Test func marketKeepsOneEnginePerSymbolUpToItsLimit() {
        var configuration = SimulatorConfiguration()
        configuration.clock = .fixed(Self.session)
        let market = SimulatedMarket(configuration: configuration)
        let first = market.engine("AAPL")
        #expect(market.engine("AAPL").quote(at: Self.session) == first.quote(at: Self.session))
        #expect(market.keptEngineCount == 1)
        for index in 0..<(SimulatedMarket.engineLimit + 10) { _ = market.engine("S\(index)") }
        #expect(market.keptEngineCount <= SimulatedMarket.engineLimit)
        #expect(market.engine("AAPL").profile.basePrice == first.profile.basePrice)
    }
}
