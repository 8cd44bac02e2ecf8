import AlpacaAPI
public import AlpacaStream
public import MarketModel

extension IngressValidator {
    /// Validates one stream message's part and puts it into its symbol's last accepted quote:
    /// ingress validation of what changed.
    ///
    /// The part is checked by the rules a REST snapshot's part is (V001–V004 and V008 for a quote
    /// or a trade, the bar rules for a bar); the rest of `base` passed them when it was accepted.
    /// The merged quote must still have a quote or a trade (V001) and be fresh (V009). A quote
    /// replaces the bid, the ask, their sizes and the quote time; a trade the last price, size and
    /// trade time; a bar its bar (a correction only the minute bar it corrects).
    /// - Parameters:
    ///   - message: A data message for `base`'s symbol.
    ///   - base: The symbol's last accepted quote (an empty one when it has none).
    ///   - context: Time, clock and thresholds.
    /// - Returns: The merged quote, or the first rule it breaks.
    public static func validateStream(
        _ message: StreamMessage, into base: StockQuote, context: StageContext
    ) -> Result<StockQuote, PipelineFailure> {
        let symbol = base.symbol
        guard SymbolFormat.isStock(symbol) else {
            return .failure(context.failure(.dataValidationError, Rules.symbolFormat, symbol, "not a stock symbol"))
        }
        var quote = base
        if case .bar = message, base.quoteTime == nil, base.tradeTime == nil {
            // As for a REST snapshot, whose quote and trade are checked before its bars.
            return .failure(
                context.failure(.dataValidationError, Rules.requiredFields, symbol, "neither a quote nor a trade"))
        }
        switch message {
        case .quote(_, let q):
            if let failure = checkQuote(q, symbol: symbol, context: context) { return .failure(failure) }
            quote.bidPrice = q.bidPrice.map(noneAsZero)
            quote.askPrice = q.askPrice.map(noneAsZero)
            quote.bidSize = q.bidSize
            quote.askSize = q.askSize
            quote.quoteTime = q.time
        case .trade(_, let t):
            if let failure = checkTrade(t, symbol: symbol, context: context) { return .failure(failure) }
            quote.lastPrice = t.price
            quote.lastSize = t.size
            quote.tradeTime = t.time
        case .bar(.minute, _, let w):
            switch bar(w, name: "minuteBar", symbol: symbol, context: context) {
            case .success(let bar): quote.minuteBar = bar
            case .failure(let failure): return .failure(failure)
            }
        case .bar(.daily, _, let w):
            switch bar(w, name: "dailyBar", symbol: symbol, context: context) {
            case .success(let bar): quote.dailyBar = bar
            case .failure(let failure): return .failure(failure)
            }
        case .bar(.updated, _, let w):
            // A correction replaces the minute bar it corrects; an older minute's is not shown.
            guard w.time == quote.minuteBar?.time else { break }
            switch bar(w, name: "minuteBar", symbol: symbol, context: context) {
            case .success(let bar): quote.minuteBar = bar
            case .failure(let failure): return .failure(failure)
            }
        default:
            break
        }
        guard quote.quoteTime != nil || quote.tradeTime != nil else {
            return .failure(
                context.failure(.dataValidationError, Rules.requiredFields, symbol, "neither a quote nor a trade"))
        }
        if let failure = checkFreshness(quote.timestamp, symbol: symbol, context: context) { return .failure(failure) }
        return .success(quote)
    }
}
