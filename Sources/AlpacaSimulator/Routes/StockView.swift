import MarketModel

/// One stock's served data at the request's price time, with its test override applied.
struct StockView: Sendable {
    /// The symbol.
    let symbol: String
    /// The engine.
    let engine: StockEngine
    /// The quote after overrides.
    var quote: SimQuote
    /// The trade after overrides.
    var trade: SimTrade
    /// The override in force, flattened.
    let overrides: [QuoteOverride]

    /// Builds the view for `symbol`.
    init(symbol: String, context: RouteContext) {
        self.symbol = symbol
        engine = context.market.engine(symbol)
        let time = context.clock.priceTime
        quote = engine.quote(at: time)
        trade = engine.trade(at: time, quote: quote)
        overrides = context.hooks.stockOverrides[symbol]?.flattened ?? []
        for override in overrides {
            switch override {
            case .crossed:
                let bid = quote.bidPrice
                quote.bidPrice = Rounding.stockPrice(quote.askPrice + max(0.01, quote.askPrice * 0.002))
                quote.askPrice = bid
            case .bidPrice(let price): quote.bidPrice = price
            case .askPrice(let price): quote.askPrice = price
            case .lastPrice(let price): trade.price = price
            case .quoteAge(let seconds):
                quote.time = context.clock.now.adding(seconds: -seconds)
                trade.time = context.clock.now.adding(seconds: -seconds - 0.25)
            default: break
            }
        }
    }

    /// Whether the symbol is served as `null` / absent.
    var isNull: Bool { overrides.contains(.null) }

    /// The raw snapshot JSON override, if any.
    var rawSnapshot: String? {
        for case .rawSnapshotJSON(let text) in overrides { return text }
        return nil
    }

    /// The map key to serve the entry under.
    var key: String {
        for case .renamedKey(let key) in overrides { return key }
        return symbol
    }

    /// The quote JSON.
    var quoteJSON: JSONValue { WireEncoder.stockQuote(quote, tape: engine.profile.tape) }

    /// The trade JSON.
    var tradeJSON: JSONValue { WireEncoder.stockTrade(trade, tape: engine.profile.tape) }

    /// The latest completed minute bar.
    func minuteBar(context: RouteContext) -> SimBar {
        let seconds = context.clock.priceTime.wholeSeconds
        var bar = engine.minuteBar(at: Timestamp(seconds: seconds - seconds % 60 - 60))
        for case .lastPrice(let price) in overrides {
            bar.close = price
            bar.high = max(bar.high, price)
            bar.low = min(bar.low, price)
        }
        return bar
    }

    /// The snapshot object (`dailyBar latestQuote latestTrade minuteBar prevDailyBar`).
    func snapshotJSON(context: RouteContext) -> JSONValue {
        if let raw = rawSnapshot { return .raw(raw) }
        if isNull { return .null }
        let now = context.clock.priceTime
        let daily: SimBar?
        let previous: CalendarDate
        if let open = context.clock.virtualSessionOpen {
            // Forced open outside a real session: today's bar is the virtual session's so far, and
            // the previous bar the last real session before today.
            let today = NewYorkTime(open).date
            daily = engine.sessionBar(on: today, open: open, close: open.adding(seconds: 86_400), now: now)
            previous = TradingCalendar.tradingDay(1, before: today)
        } else {
            let day = context.sessionDay
            daily = engine.dailyBar(on: day, now: now)
            previous = TradingCalendar.tradingDay(1, before: day)
        }
        var members: [String: JSONValue] = [
            "latestTrade": tradeJSON,
            "minuteBar": WireEncoder.bar(minuteBar(context: context)),
            "dailyBar": daily.map(WireEncoder.bar) ?? .null,
            "prevDailyBar": engine.dailyBar(on: previous, now: now).map(WireEncoder.bar) ?? .null,
        ]
        if !overrides.contains(.missingLatestQuote) { members["latestQuote"] = quoteJSON }
        return .object(members)
    }
}
