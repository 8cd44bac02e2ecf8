import Foundation
import MarketModel

/// Lists and prices the option contracts of one underlying with Black-Scholes on its simulated price.
struct OptionEngine: Sendable {
    /// The underlying's engine.
    let underlying: StockEngine
    /// The simulator's clock state (listing date and pricing time).
    let clock: ClockState
    /// The risk-free rate used for pricing.
    static let rate = 0.045

    /// The OCC root: the ticker without its class dot.
    var root: String { underlying.profile.symbol.replacingOccurrences(of: ".", with: "") }

    /// The listing date: today in New York.
    var today: CalendarDate { NewYorkTime(clock.now).date }

    /// Listed expirations: the next six Fridays plus the next four monthly (third-Friday) expiries.
    var expirations: [CalendarDate] {
        var dates = Set<CalendarDate>()
        var day = today
        while day.weekday != 5 { day = day.adding(days: 1) }
        for week in 0..<6 { dates.insert(day.adding(days: 7 * week)) }
        var year = today.year
        var month = today.month
        var monthlies = 0
        while monthlies < 4 {
            let third = Self.thirdFriday(year: year, month: month)
            if third >= today {
                dates.insert(third)
                monthlies += 1
            }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return dates.sorted()
    }

    /// The reference price strikes are centred on: the previous session's close.
    var referencePrice: Double {
        let previous = TradingCalendar.tradingDay(1, before: today)
        return Rounding.stockPrice(underlying.mid(at: TradingCalendar.close(on: previous).adding(seconds: -1)))
    }

    /// The strike increment for a price level.
    static func strikeIncrement(for price: Double) -> Double {
        switch price {
        case ..<25: 0.5
        case ..<100: 1
        case ..<250: 2.5
        case ..<500: 5
        default: 10
        }
    }

    /// Listed strikes in thousandths: 25 strikes centred on the reference price.
    var strikesThousandths: [Int] {
        let reference = referencePrice
        let increment = Self.strikeIncrement(for: reference)
        let centre = (reference / increment).rounded() * increment
        return (-12...12).compactMap { step in
            let strike = centre + Double(step) * increment
            return strike > 0 ? Int((strike * 1000).rounded()) : nil
        }
    }

    /// Every listed contract, sorted by symbol text.
    var contracts: [OCCSymbol] {
        let strikes = strikesThousandths
        var result: [OCCSymbol] = []
        for expiration in expirations {
            for kind in [OCCSymbol.Kind.call, .put] {
                for strike in strikes {
                    result.append(OCCSymbol(root: root, expiration: expiration, kind: kind, strikeThousandths: strike))
                }
            }
        }
        return result.sorted { $0.description < $1.description }
    }

    /// Whether `contract` is listed today.
    func isListed(_ contract: OCCSymbol) -> Bool {
        contract.root == root && expirations.contains(contract.expiration)
            && strikesThousandths.contains(contract.strikeThousandths)
    }

    /// Implied volatility with a mild smile and skew, from the underlying's volatility.
    func impliedVolatility(strike: Double, years: Double) -> Double {
        let moneyness = log(strike / max(referencePrice, 0.01)) / max(years.squareRoot(), 0.05)
        let smile = 1 + 0.08 * moneyness * moneyness - 0.06 * moneyness
        return min(max(underlying.profile.volatility * smile, 0.05), 3)
    }

    /// Prices `contract` at the clock's price time.
    func snapshot(_ contract: OCCSymbol) -> SimOptionSnapshot {
        let time = clock.priceTime
        let stockQuote = underlying.quote(at: time)
        let spot = (stockQuote.bidPrice + stockQuote.askPrice) / 2
        let expiry = TradingCalendar.close(on: contract.expiration)
        let years = max(expiry.seconds(since: time), 3600) / PricePath.secondsPerYear
        let strike = contract.strike
        let vol = impliedVolatility(strike: strike, years: years)
        let model = BlackScholes(spot: spot, strike: strike, years: years, volatility: vol, rate: Self.rate)
        let isCall = contract.kind == .call
        let value = max(isCall ? model.call : model.put, 0)
        let key = StableHash.combine(StableHash.fnv1a(contract.description), underlying.profile.key)
        let secondKey = StableHash.combine(key, UInt64(bitPattern: time.wholeSeconds))
        let tick = value < 3 ? 0.01 : 0.05
        let halfSpread = max(0.01, value * 0.02 + 0.01)
        let bid = max(0, Rounding.floor(value - halfSpread, tick: tick))
        let ask = max(Rounding.ceil(value + halfSpread, tick: tick), bid + tick)
        let venues = ["A", "B", "C", "H", "I", "M", "N", "Q", "W", "X", "Z"]
        let quoteTime = Timestamp(
            nanoseconds: stockQuote.time.nanoseconds - Int64(StableHash.unit(secondKey, 1) * 2e9))
        let quote = SimQuote(
            time: quoteTime,
            bidExchange: venues[Int(StableHash.mix(secondKey ^ 2) % UInt64(venues.count))],
            bidPrice: Rounding.round(bid, places: 2),
            bidSize: bid > 0 ? 1 + Int(StableHash.mix(secondKey ^ 3) % 400) : 0,
            askExchange: venues[Int(StableHash.mix(secondKey ^ 4) % UInt64(venues.count))],
            askPrice: Rounding.round(ask, places: 2),
            askSize: 1 + Int(StableHash.mix(secondKey ^ 5) % 400)
        )
        var trade: SimTrade?
        if StableHash.unit(key, 6) < 0.9 {
            let fraction = StableHash.unit(secondKey, 7)
            let price = max(0.01, Rounding.round(bid + (ask - bid) * fraction, places: 2))
            trade = SimTrade(
                time: Timestamp(nanoseconds: quoteTime.nanoseconds - Int64(StableHash.unit(secondKey, 8) * 600e9)),
                exchange: venues[Int(StableHash.mix(secondKey ^ 9) % UInt64(venues.count))],
                price: price,
                size: 1 + Int(StableHash.mix(secondKey ^ 10) % 50),
                id: 0,
                extendedHours: false
            )
        }
        let greeks = SimOptionSnapshot.Greeks(
            delta: isCall ? model.callDelta : model.callDelta - 1,
            gamma: model.gamma,
            rho: isCall ? model.callRho : model.putRho,
            theta: isCall ? model.callTheta : model.putTheta,
            vega: model.vega
        )
        return SimOptionSnapshot(
            contract: contract, quote: quote, trade: trade, greeks: greeks, impliedVolatility: vol,
            theoretical: value, underlyingPrice: spot)
    }

    /// Open interest of a contract (deterministic, larger near the money and for near expiries).
    func openInterest(_ contract: OCCSymbol) -> Int {
        let key = StableHash.combine(StableHash.fnv1a(contract.description), underlying.profile.key, 0x01)
        let distance = abs(log(contract.strike / max(referencePrice, 0.01)))
        let weeks = Double(contract.expiration.daysSinceEpoch - today.daysSinceEpoch) / 7
        let base = 8000 * exp(-distance * 12) / (1 + weeks / 8)
        return Int(base * (0.2 + 1.6 * StableHash.unit(key)))
    }

    /// The previous session's closing price of a contract (model value at that close).
    func closePrice(_ contract: OCCSymbol) -> Double {
        let close = TradingCalendar.close(on: TradingCalendar.tradingDay(1, before: today)).adding(seconds: -1)
        let spot = underlying.mid(at: close)
        let expiry = TradingCalendar.close(on: contract.expiration)
        let years = max(expiry.seconds(since: close), 3600) / PricePath.secondsPerYear
        let vol = impliedVolatility(strike: contract.strike, years: years)
        let model = BlackScholes(spot: spot, strike: contract.strike, years: years, volatility: vol, rate: Self.rate)
        return max(0.01, Rounding.round(contract.kind == .call ? model.call : model.put, places: 2))
    }

    /// The third Friday of a month.
    static func thirdFriday(year: Int, month: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)!
        let toFriday = (5 - first.weekday + 7) % 7
        return first.adding(days: toFriday + 14)
    }
}
