import Foundation
import MarketModel

/// Generates quotes, trades and bars for one stock from its profile; pure functions of time.
///
/// Values that cannot change (a completed daily bar, a minute bar, the price of a second, the slow
/// knots of a day) are remembered in a bounded ``StockMemo`` shared by copies of the engine, so an
/// engine kept across requests serves them again without recomputing them, bit for bit the same.
struct StockEngine: Sendable {
    /// The symbol's profile.
    let profile: StockProfile
    private let path: PricePath
    private let memo: StockMemo

    /// Creates the engine for a profile.
    init(profile: StockProfile) {
        self.profile = profile
        self.path = profile.path
        self.memo = StockMemo()
    }

    /// How many completed daily bars this engine remembers.
    var rememberedDailyBars: Int { memo.dailyBarCount }

    /// The mid price during the second containing `instant`.
    func mid(at instant: Timestamp) -> Double {
        let second = instant.wholeSeconds
        if let price = memo.price(at: second) { return price }
        let price = path.price(second: second, knots: memo.knots(of: path, covering: second))
        memo.remember(price: price, at: second)
        return price
    }

    /// The top-of-book quote in force at `instant`, stamped a little before it.
    func quote(at instant: Timestamp) -> SimQuote {
        let second = instant.wholeSeconds
        let key = StableHash.combine(profile.key, 0x9107e, UInt64(bitPattern: second))
        let mid = mid(at: instant)
        let halfSpread = max(mid * profile.spreadBasisPoints / 20_000, 0.005)
        let tick = mid >= 1 ? 0.01 : 0.0001
        let bid = max(Rounding.floor(mid - halfSpread, tick: tick), tick)
        let ask = max(Rounding.ceil(mid + halfSpread, tick: tick), bid + tick)
        let venues = ["Q", "P", "K", "V", "Z", "N", profile.exchangeCode]
        let age = StableHash.unit(key, 1) * 0.9
        return SimQuote(
            time: stamp(instant, secondsBefore: age, key: key, notBefore: second),
            bidExchange: venues[Int(StableHash.mix(key ^ 2) % UInt64(venues.count))],
            bidPrice: Rounding.round(bid, places: 4),
            bidSize: 100 * (1 + Int(StableHash.mix(key ^ 3) % 12)),
            askExchange: venues[Int(StableHash.mix(key ^ 4) % UInt64(venues.count))],
            askPrice: Rounding.round(ask, places: 4),
            askSize: 100 * (1 + Int(StableHash.mix(key ^ 5) % 12))
        )
    }

    /// The last trade at or before `instant`.
    func trade(at instant: Timestamp) -> SimTrade { trade(at: instant, quote: quote(at: instant)) }

    /// The last trade at or before `instant`, given `quote`, which must be `quote(at: instant)`.
    func trade(at instant: Timestamp, quote: SimQuote) -> SimTrade {
        let second = instant.wholeSeconds
        let key = StableHash.combine(profile.key, 0x7ade, UInt64(bitPattern: second))
        let side = StableHash.unit(key, 1)
        let raw = side < 0.4 ? quote.bidPrice : (side < 0.8 ? quote.askPrice : (quote.bidPrice + quote.askPrice) / 2)
        let sizes = [1, 5, 10, 25, 50, 100, 100, 100, 200, 300, 500]
        return SimTrade(
            time: stamp(quote.time, secondsBefore: StableHash.unit(key, 2) * 2, key: key, notBefore: second),
            exchange: profile.exchangeCode,
            price: Rounding.stockPrice(raw),
            size: sizes[Int(StableHash.mix(key ^ 3) % UInt64(sizes.count))],
            id: UInt64(max(0, second - 1_000_000_000)) &* 37 &+ (StableHash.mix(key) % 37) + 1,
            extendedHours: !TradingCalendar.isRegularSession(instant)
        )
    }

    /// A bar over `[start, end)`, with its prices sampled along the path and stamped at `label`.
    func bar(label: Timestamp, from start: Timestamp, to end: Timestamp) -> SimBar {
        let seconds = max(1, end.wholeSeconds - start.wholeSeconds)
        let sampleCount = Int(min(30, max(6, seconds / 60 + 1)))
        let knots = memo.knots(of: path, covering: start.wholeSeconds)
        var samples: [Double] = []
        samples.reserveCapacity(sampleCount)
        for index in 0..<sampleCount {
            let offset = (seconds - 1) * Int64(index) / Int64(sampleCount - 1)
            samples.append(Rounding.stockPrice(path.price(second: start.wholeSeconds + offset, knots: knots)))
        }
        let key = StableHash.combine(profile.key, 0xba5, UInt64(bitPattern: start.wholeSeconds))
        let minutes = Double(seconds) / 60
        let share = minutes >= 390 ? 1 : minutes / 390
        // The U-shaped intraday volume; outside the regular session (pre/post, a forced-open
        // night) the shape holds at its edge value rather than growing without bound.
        let minuteOfSession = min(
            390, max(0, Double(NewYorkTime(start).secondOfDay - TradingCalendar.openSecond) / 60))
        let shape = minutes >= 390 ? 1 : 1 + 1.5 * pow((minuteOfSession - 195) / 195, 2)
        let volume = max(1, Int64(profile.averageDailyVolume * share * shape * (0.4 + 1.2 * StableHash.unit(key, 1))))
        let perTrade = 60 + 120 * StableHash.unit(key, 2)
        let mean = samples.reduce(0, +) / Double(samples.count)
        return SimBar(
            time: label,
            open: samples[0],
            high: samples.max() ?? samples[0],
            low: samples.min() ?? samples[0],
            close: samples[samples.count - 1],
            volume: volume,
            tradeCount: max(1, Int64(Double(volume) / perTrade)),
            vwap: Rounding.round(mean, places: 6)
        )
    }

    /// The regular-session daily bar of `date`, truncated at `now` when the session is running.
    ///
    /// Once `now` is past the close the bar cannot change, so it is remembered per day.
    func dailyBar(on date: CalendarDate, now: Timestamp) -> SimBar? {
        let open = TradingCalendar.open(on: date)
        guard TradingCalendar.isTradingDay(date), open < now else { return nil }
        let sessionClose = TradingCalendar.close(on: date)
        let completed = now >= sessionClose
        if completed, let bar = memo.dailyBar(day: date.daysSinceEpoch) { return bar }
        let bar = sessionBar(on: date, open: open, close: sessionClose, now: now)
        if completed { memo.remember(dailyBar: bar, day: date.daysSinceEpoch) }
        return bar
    }

    /// The bar of a session from `open` to `close` (labelled `date`'s New York midnight), truncated
    /// at `now`; its volume is the session's share so far of a hashed day's volume, and never less
    /// than the volume of the latest completed minute (which a snapshot serves beside it).
    func sessionBar(on date: CalendarDate, open: Timestamp, close sessionClose: Timestamp, now: Timestamp) -> SimBar {
        let close = min(sessionClose, now)
        let label = NewYorkTime.instant(date: date, secondOfDay: 0)
        var bar = bar(label: label, from: open, to: close)
        let key = StableHash.combine(profile.key, 0xda1, UInt64(bitPattern: Int64(date.daysSinceEpoch)))
        let length = Double(max(1, sessionClose.wholeSeconds - open.wholeSeconds))
        let elapsed = Double(close.wholeSeconds - open.wholeSeconds) / length
        bar.volume = max(1, Int64(profile.averageDailyVolume * (0.6 + 0.8 * StableHash.unit(key, 1)) * elapsed))
        let seconds = close.wholeSeconds
        let lastMinute = Timestamp(seconds: seconds - seconds % 60 - 60)
        if NewYorkTime(lastMinute).date == date { bar.volume = max(bar.volume, minuteBar(at: lastMinute).volume) }
        bar.tradeCount = max(1, Int64(Double(bar.volume) / (60 + 120 * StableHash.unit(key, 2))))
        return bar
    }

    /// The one-minute bar starting at `minuteStart`.
    func minuteBar(at minuteStart: Timestamp) -> SimBar {
        if let bar = memo.minuteBar(at: minuteStart) { return bar }
        let bar = bar(label: minuteStart, from: minuteStart, to: minuteStart.adding(seconds: 60))
        memo.remember(minuteBar: bar)
        return bar
    }

    /// A time up to `secondsBefore` earlier than `instant`, with a hashed sub-microsecond tail,
    /// but not before the start of the whole second `notBefore`.
    ///
    /// The floor keeps the latest quote's and trade's times non-decreasing as `instant` moves on,
    /// as Alpaca's are: the hashed age changes at each whole second, and without the floor a
    /// large age just after a boundary stamped a time before the previous second's (which the
    /// pipeline then rightly held back as out of order, V011).
    private func stamp(_ instant: Timestamp, secondsBefore: Double, key: UInt64, notBefore second: Int64) -> Timestamp {
        let nanos = Int64(secondsBefore * 1e9) + Int64(StableHash.mix(key ^ 0x51) % 1000)
        let floor = Checked.multiply(second, 1_000_000_000) ?? Int64.min
        return Timestamp(nanoseconds: max(floor, instant.nanoseconds - nanos))
    }
}
