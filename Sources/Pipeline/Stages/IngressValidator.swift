public import AlpacaAPI
public import MarketModel

/// Ingress validation (the `V…` rules): schema and values of one upstream entry, turned into a
/// domain value or a typed rejection.
///
/// Pure: a function of the entry and the context.
public enum IngressValidator {
    /// Validates one stock snapshot entry.
    /// - Parameters:
    ///   - symbol: The symbol the entry was returned under.
    ///   - entry: The decoded entry (nil when the symbol was not returned at all).
    ///   - context: Time, clock and thresholds.
    /// - Returns: The quote, or the failure with its rule id.
    public static func validateStock(
        symbol: String, entry: Entry<WireStockSnapshot>?, context: StageContext
    ) -> Result<StockQuote, PipelineFailure> {
        let reject = { (rule: RuleID, message: String) in
            Result<StockQuote, PipelineFailure>.failure(
                context.failure(.dataValidationError, rule, symbol, message))
        }
        guard SymbolFormat.isStock(symbol) else { return reject(Rules.symbolFormat, "not a stock symbol") }
        let snapshot: WireStockSnapshot
        switch entry {
        case nil:
            return .failure(
                PipelineFailure(code: .dataUnavailable, symbol: symbol, message: "not returned by the upstream"))
        case .null:
            return .failure(PipelineFailure(code: .dataUnavailable, symbol: symbol, message: "no data for this symbol"))
        case .invalid(let error):
            return reject(Rules.schema, "malformed entry: \(error)")
        case .value(let value):
            snapshot = value
        }
        return validateStock(symbol: symbol, snapshot: snapshot, context: context)
    }

    /// Validates one upstream stock snapshot that is there (a stream message merged into its
    /// symbol's last snapshot).
    /// - Parameters:
    ///   - symbol: The symbol it is for.
    ///   - snapshot: The snapshot.
    ///   - context: Time, clock and thresholds.
    /// - Returns: The quote, or the first rule it breaks.
    public static func validateStock(
        symbol: String, snapshot: WireStockSnapshot, context: StageContext
    ) -> Result<StockQuote, PipelineFailure> {
        guard SymbolFormat.isStock(symbol) else {
            return .failure(context.failure(.dataValidationError, Rules.symbolFormat, symbol, "not a stock symbol"))
        }
        if let failure = checkQuoteAndTrade(
            snapshot.latestQuote, snapshot.latestTrade, symbol: symbol, context: context)
        {
            return .failure(failure)
        }
        let q = snapshot.latestQuote
        let t = snapshot.latestTrade
        var quote = StockQuote(
            symbol: symbol, bidPrice: q?.bidPrice.map(noneAsZero), askPrice: q?.askPrice.map(noneAsZero),
            bidSize: q?.bidSize, askSize: q?.askSize,
            quoteTime: q?.time, lastPrice: t?.price, lastSize: t?.size, tradeTime: t?.time)
        do {
            quote.dailyBar = try snapshot.dailyBar.map {
                try bar($0, name: "dailyBar", symbol: symbol, context: context).get()
            }
            quote.previousDailyBar = try snapshot.previousDailyBar.map {
                try bar($0, name: "prevDailyBar", symbol: symbol, context: context).get()
            }
            quote.minuteBar = try snapshot.minuteBar.map {
                try bar($0, name: "minuteBar", symbol: symbol, context: context).get()
            }
        } catch let failure as PipelineFailure {
            return .failure(failure)
        } catch {
            return .failure(context.failure(.dataValidationError, Rules.schema, symbol, "\(error)"))
        }
        if let failure = checkFreshness(quote.timestamp, symbol: symbol, context: context) { return .failure(failure) }
        return .success(quote)
    }

    /// V001–V004 and V008 for a snapshot's quote and trade (each optional, at least one present).
    static func checkQuoteAndTrade(
        _ q: WireQuote?, _ t: WireTrade?, symbol: String, context: StageContext
    )
        -> PipelineFailure?
    {
        guard q != nil || t != nil else {
            return context.failure(.dataValidationError, Rules.requiredFields, symbol, "neither a quote nor a trade")
        }
        if let q, let failure = checkQuote(q, symbol: symbol, context: context) { return failure }
        if let t, let failure = checkTrade(t, symbol: symbol, context: context) { return failure }
        return nil
    }

    static func checkQuote(_ q: WireQuote, symbol: String, context: StageContext) -> PipelineFailure? {
        func fail(_ rule: RuleID, _ message: String) -> PipelineFailure {
            context.failure(.dataValidationError, rule, symbol, message)
        }
        guard let time = q.time, let bid = q.bidPrice, let ask = q.askPrice else {
            return fail(Rules.requiredFields, "quote lacks t, bp or ap")
        }
        guard bid >= 0, ask >= 0 else {
            return fail(Rules.positivePrice, "negative quote price (bid \(bid), ask \(ask))")
        }
        if bid > 0 && ask > 0 && bid > ask {
            return fail(Rules.bidNotAboveAsk, "crossed quote: bid \(bid) > ask \(ask)")
        }
        if let s = q.bidSize, s < 0 { return fail(Rules.nonNegativeSize, "negative bid size \(s)") }
        if let s = q.askSize, s < 0 { return fail(Rules.nonNegativeSize, "negative ask size \(s)") }
        let limit = context.configuration.maxSize
        if let s = q.bidSize, s > limit { return fail(Rules.nonNegativeSize, "bid size \(s) above \(limit)") }
        if let s = q.askSize, s > limit { return fail(Rules.nonNegativeSize, "ask size \(s) above \(limit)") }
        return checkFuture(time, symbol: symbol, context: context)
    }

    static func checkTrade(_ t: WireTrade, symbol: String, context: StageContext) -> PipelineFailure? {
        guard let time = t.time, let price = t.price else {
            return context.failure(.dataValidationError, Rules.requiredFields, symbol, "trade lacks t or p")
        }
        guard price > 0 else {
            return context.failure(
                .dataValidationError, Rules.positivePrice, symbol, "trade price \(price) not positive")
        }
        if let s = t.size, s < 0 {
            return context.failure(.dataValidationError, Rules.nonNegativeSize, symbol, "negative trade size \(s)")
        }
        if let s = t.size, s > context.configuration.maxSize {
            return context.failure(
                .dataValidationError, Rules.nonNegativeSize, symbol,
                "trade size \(s) above \(context.configuration.maxSize)")
        }
        return checkFuture(time, symbol: symbol, context: context)
    }

    static func bar(_ w: WireBar, name: String, symbol: String, context: StageContext) -> Result<Bar, PipelineFailure> {
        guard let time = w.time, let o = w.open, let h = w.high, let l = w.low, let c = w.close, let v = w.volume else {
            return .failure(
                context.failure(.dataValidationError, Rules.requiredFields, symbol, "\(name) lacks t/o/h/l/c/v"))
        }
        guard o > 0, h > 0, l > 0, c > 0 else {
            return .failure(
                context.failure(.dataValidationError, Rules.positivePrice, symbol, "\(name) has a price ≤ 0"))
        }
        guard v >= 0, (w.tradeCount ?? 0) >= 0 else {
            return .failure(
                context.failure(.dataValidationError, Rules.nonNegativeSize, symbol, "\(name) has a negative volume"))
        }
        let limit = context.configuration.maxSize
        guard v <= limit, (w.tradeCount ?? 0) <= limit else {
            return .failure(
                context.failure(
                    .dataValidationError, Rules.nonNegativeSize, symbol, "\(name) has a volume or count above \(limit)")
            )
        }
        if let failure = checkFuture(time, symbol: symbol, context: context) { return .failure(failure) }
        return .success(
            Bar(time: time, open: o, high: h, low: l, close: c, volume: v, tradeCount: w.tradeCount, vwap: w.vwap))
    }

    static func checkFuture(_ time: Timestamp, symbol: String, context: StageContext) -> PipelineFailure? {
        let ahead = time.seconds(since: context.now)
        guard ahead <= context.configuration.clockSkewTolerance else {
            return context.failure(
                .dataValidationError, Rules.futureTimestamp, symbol,
                "timestamp \(time.rfc3339) is \(Checked.wholeText(ahead)) s in the future")
        }
        return nil
    }

    static func checkFreshness(_ time: Timestamp?, symbol: String, context: StageContext) -> PipelineFailure? {
        guard let time else {
            return context.failure(.dataValidationError, Rules.requiredFields, symbol, "no timestamp")
        }
        let cutoff = context.freshnessCutoff
        guard time >= cutoff else {
            let age = context.now.seconds(since: time)
            let limit =
                context.session == .regular
                ? "the \(Checked.wholeText(context.configuration.stalenessLimit)) s limit"
                : "the most recent session"
            return context.failure(
                .dataValidationError, Rules.freshness, symbol, "stale: \(formatAge(age)) old, older than \(limit)")
        }
        return nil
    }

    /// A quote side as kept: Alpaca's 0 ("nobody quoting") with `-0.0` folded into it, so no
    /// output prints a negative zero as a price.
    static func noneAsZero(_ price: Double) -> Double { price == 0 ? 0 : price }

    static func formatAge(_ seconds: Double) -> String {
        if seconds < 120 { return "\(Checked.wholeText(seconds)) s" }
        if seconds < 7200 { return "\(Checked.wholeText(seconds / 60)) min" }
        if seconds < 172_800 { return "\(Checked.wholeText(seconds / 3600)) h" }
        return "\(Checked.wholeText(seconds / 86_400)) d"
    }
}
