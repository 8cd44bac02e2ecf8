public import MarketModel

/// Business rules (the `B…` rules): checks of a validated, enriched value against what makes
/// sense in the market.
///
/// Pure.
public enum RuleEngine {
    /// Applies the stock rules; nil when all pass.
    public static func check(_ quote: StockQuote, context: StageContext) -> PipelineFailure? {
        let config = context.configuration
        func fail(_ rule: RuleID, _ message: String) -> PipelineFailure {
            context.failure(.businessRuleViolation, rule, quote.symbol, message)
        }
        if let failure = checkRange(quote.lastPrice, "last", allowZero: false, config, fail) { return failure }
        if let failure = checkRange(quote.bidPrice, "bid", allowZero: true, config, fail) { return failure }
        if let failure = checkRange(quote.askPrice, "ask", allowZero: true, config, fail) { return failure }
        if let failure = checkBarRange(quote.dailyBar, "dailyBar", config, fail)
            ?? checkBarRange(quote.previousDailyBar, "prevDailyBar", config, fail)
            ?? checkBarRange(quote.minuteBar, "minuteBar", config, fail)
        {
            return failure
        }
        if let daily = quote.dailyBar {
            if !(daily.low <= daily.open && daily.open <= daily.high && daily.low <= daily.close
                && daily.close <= daily.high)
            {
                return fail(
                    Rules.dailyBarConsistent,
                    "daily bar o \(daily.open) h \(daily.high) l \(daily.low) c \(daily.close)")
            }
        }
        if let last = quote.lastPrice, let previous = quote.previousClose, previous > 0 {
            let move = abs(last - previous) / previous
            if move > config.maxMoveFromPreviousClose {
                return fail(
                    Rules.moveFromPreviousClose,
                    "last \(last) moved \(Checked.wholeText(move * 100)) % from the previous close \(previous)")
            }
        }
        if let last = quote.lastPrice, let daily = quote.dailyBar, let tradeTime = quote.tradeTime,
            context.newYorkDay(of: tradeTime) == context.newYorkDay(of: daily.time)
        {
            let slack = last * config.dayRangeTolerance
            if last < daily.low - slack || last > daily.high + slack {
                return fail(Rules.lastWithinDayRange, "last \(last) outside the day's range \(daily.low)–\(daily.high)")
            }
        }
        if let daily = quote.dailyBar, let minute = quote.minuteBar,
            context.newYorkDay(of: minute.time) == context.newYorkDay(of: daily.time), minute.volume > daily.volume
        {
            return fail(Rules.volumePattern, "minute volume \(minute.volume) exceeds the day's \(daily.volume)")
        }
        if let failure = checkMarketContext(quote.tradeTime, symbol: quote.symbol, context: context) { return failure }
        return nil
    }

    /// Applies the option rules; nil when all pass.
    /// - Parameters:
    ///   - quote: The option quote.
    ///   - underlyingPrice: The underlying's last price, when known (for the intrinsic check).
    ///   - context: Time, clock and thresholds.
    public static func check(_ quote: OptionQuote, underlyingPrice: Double?, context: StageContext) -> PipelineFailure?
    {
        let config = context.configuration
        let symbol = quote.contract.description
        func fail(_ rule: RuleID, _ message: String) -> PipelineFailure {
            context.failure(.businessRuleViolation, rule, symbol, message)
        }
        if let failure = checkRange(quote.lastPrice, "last", allowZero: false, config, fail) { return failure }
        if let failure = checkRange(quote.askPrice, "ask", allowZero: true, config, fail) { return failure }
        if let ask = quote.askPrice, ask > 0, let spot = underlyingPrice, spot > 0 {
            let strike = quote.contract.strike
            let intrinsic = quote.contract.kind == .call ? max(0, spot - strike) : max(0, strike - spot)
            if ask < intrinsic - config.intrinsicTolerance {
                return fail(Rules.optionIntrinsic, "ask \(ask) below intrinsic value \(rounded(intrinsic))")
            }
        }
        if let g = quote.greeks {
            let range: ClosedRange<Double> = quote.contract.kind == .call ? 0...1 : -1...0
            if !range.contains(g.delta) {
                return fail(Rules.greeksInRange, "\(quote.contract.kind.rawValue) delta \(g.delta)")
            }
            if g.gamma < 0 || g.vega < 0 { return fail(Rules.greeksInRange, "negative gamma or vega") }
            for (name, value, bound) in [
                ("gamma", g.gamma, config.maxGamma), ("theta", g.theta, config.maxGreekMagnitude),
                ("vega", g.vega, config.maxGreekMagnitude), ("rho", g.rho, config.maxGreekMagnitude),
            ] where !(abs(value) <= bound) {
                return fail(Rules.greeksInRange, "\(name) \(value) beyond ±\(bound)")
            }
        }
        if let iv = quote.impliedVolatility, !(iv > 0) {
            return fail(Rules.greeksInRange, "implied volatility \(iv) not positive")
        }
        if let iv = quote.impliedVolatility, iv > config.maxImpliedVolatility {
            return fail(Rules.greeksInRange, "implied volatility \(iv) above \(config.maxImpliedVolatility)")
        }
        return checkMarketContext(quote.tradeTime, symbol: symbol, context: context)
    }

    /// B008: while the clock says closed (and no extended session is running), no print may carry a
    /// time when no session of any kind runs (a weekend, or 20:00–04:00 New York beyond the tolerance).
    static func checkMarketContext(_ time: Timestamp?, symbol: String, context: StageContext) -> PipelineFailure? {
        guard let time, let clock = context.clock, !clock.isOpen, context.session == .closed else { return nil }
        let ny = context.newYorkClock(of: time)
        let toleranceMinutes =
            Checked.int(context.configuration.marketContextTolerance / 60, rounding: .towardZero) ?? 0
        let outsideAnySession = ny.weekend || ny.minute < 4 * 60 || ny.minute >= 20 * 60 + toleranceMinutes
        guard outsideAnySession else { return nil }
        return PipelineFailure(
            code: .businessRuleViolation, rule: Rules.marketContext, symbol: symbol,
            message: "print at \(time.rfc3339) when no session runs")
    }

    /// B001 for one price: nil when absent, when 0 means "none" on a quote side, or when in range.
    private static func checkRange(
        _ price: Double?, _ name: @autoclosure () -> String, allowZero: Bool, _ config: PipelineConfiguration,
        _ fail: (RuleID, String) -> PipelineFailure
    ) -> PipelineFailure? {
        guard let price, !(allowZero && price == 0), !config.priceRange.contains(price) else { return nil }
        return fail(Rules.priceRange, "\(name()) \(price) outside the sane range")
    }

    /// B001 over a bar's four prices; the field's name is only spelled out for a failure (this
    /// runs for every stream message: no array or string is built on the passing path).
    private static func checkBarRange(
        _ bar: Bar?, _ name: StaticString, _ config: PipelineConfiguration,
        _ fail: (RuleID, String) -> PipelineFailure
    ) -> PipelineFailure? {
        guard let bar else { return nil }
        return checkRange(bar.open, "\(name).o", allowZero: false, config, fail)
            ?? checkRange(bar.high, "\(name).h", allowZero: false, config, fail)
            ?? checkRange(bar.low, "\(name).l", allowZero: false, config, fail)
            ?? checkRange(bar.close, "\(name).c", allowZero: false, config, fail)
    }

    private static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }
}
