import MarketModel

/// The simulated brokerage account: holdings, orders and watchlists, all derived from the seed.
struct TradingBook: Sendable {
    /// A stock or option holding.
    struct Holding: Sendable {
        /// The symbol (ticker or OCC).
        var symbol: String
        /// Quantity held.
        var quantity: Int
        /// The option contract when the holding is an option.
        var contract: OCCSymbol?
    }

    /// The symbols of the default watchlist.
    static let watchlistSymbols = ["AAPL", "MSFT", "NVDA", "TSLA", "SPY", "QQQ", "AMZN", "META"]

    /// The seed.
    let seed: UInt64
    /// The market.
    let market: SimulatedMarket
    /// The clock state.
    let clock: ClockState

    /// The account id.
    var accountID: String { StableHash.uuid(StableHash.combine(seed, 0xacc0)) }

    /// The account number (`PA` + 10 digits).
    var accountNumber: String {
        let digits = StableHash.combine(seed, 0xacc1) % 10_000_000_000
        let text = String(digits)
        return "PA" + String(repeating: "0", count: 10 - text.count) + text
    }

    /// Starting cash.
    var cash: Double { 20_000 + Double(StableHash.combine(seed, 0xca54) % 80_000) }

    /// The watchlist symbols that exist in this market.
    var watchlist: [String] { Self.watchlistSymbols.filter { market.exists($0) } }

    /// Holdings: three stocks and one option (an at-the-money call on the first stock).
    var holdings: [Holding] {
        var result: [Holding] = []
        for (index, symbol) in ["AAPL", "MSFT", "SPY"].enumerated() where market.exists(symbol) {
            let quantity = 5 + Int(StableHash.combine(seed, 0x401d, UInt64(index)) % 150)
            result.append(Holding(symbol: symbol, quantity: quantity, contract: nil))
        }
        if let first = result.first {
            let engine = market.optionEngine(first.symbol, clock: clock)
            let target = engine.today.adding(days: 14)
            let expiration = engine.expirations.first { $0 >= target } ?? engine.expirations.last!
            let strikes = engine.strikesThousandths
            let contract = OCCSymbol(
                root: engine.root, expiration: expiration, kind: .call, strikeThousandths: strikes[strikes.count / 2])
            result.append(Holding(symbol: contract.description, quantity: 2, contract: contract))
        }
        return result
    }

    /// Per-holding prices: current, entry and the previous close, plus the contract multiplier.
    func prices(of holding: Holding) -> (current: Double, entry: Double, lastDay: Double, multiplier: Double) {
        if let contract = holding.contract {
            let engine = market.optionEngine(contract.root, clock: clock)
            let quote = engine.snapshot(contract).quote
            let current = Rounding.round((quote.bidPrice + quote.askPrice) / 2, places: 2)
            let lastDay = engine.closePrice(contract)
            return (current, Rounding.round(lastDay * 0.92, places: 2), lastDay, 100)
        }
        let engine = market.engine(holding.symbol)
        let current = market.currentHooks.positionPrices[holding.symbol] ?? engine.trade(at: clock.priceTime).price
        let today = NewYorkTime(clock.now).date
        let previous = TradingCalendar.tradingDay(1, before: today)
        let lastDay = Rounding.stockPrice(engine.mid(at: TradingCalendar.close(on: previous).adding(seconds: -1)))
        let entryDay = TradingCalendar.tradingDay(20, before: today)
        let entry = Rounding.stockPrice(engine.mid(at: TradingCalendar.open(on: entryDay).adding(seconds: 3600)))
        return (current, entry, lastDay, 1)
    }

    /// The asset id of a holding.
    func assetID(of holding: Holding) -> String {
        if let contract = holding.contract { return StableHash.uuid(StableHash.fnv1a(contract.description)) }
        return StockProfile(symbol: holding.symbol, seed: seed).assetID
    }

    /// A generated order.
    struct Order: Sendable {
        /// The order id.
        var id: String
        /// The symbol.
        var symbol: String
        /// `us_equity` or `us_option`.
        var assetClass: String
        /// `buy` or `sell`.
        var side: String
        /// `market` or `limit`.
        var type: String
        /// Quantity.
        var quantity: Int
        /// Limit price for limit orders.
        var limitPrice: Double?
        /// Order status.
        var status: String
        /// Creation time.
        var createdAt: Timestamp
        /// Fill price for filled orders.
        var filledPrice: Double?
    }

    /// Five orders: two open, three closed, newest first.
    var orders: [Order] {
        let base = clock.priceTime
        let specs: [(String, String, String, String, Int, String, Double)] = [
            ("AAPL", "us_equity", "buy", "limit", 10, "new", 0.97),
            ("MSFT", "us_equity", "sell", "limit", 5, "accepted", 1.03),
            ("SPY", "us_equity", "buy", "market", 3, "filled", 1.0),
            ("NVDA", "us_equity", "buy", "limit", 8, "canceled", 0.95),
            ("AAPL", "us_equity", "buy", "market", 12, "filled", 1.0),
        ]
        return specs.enumerated().compactMap { index, spec in
            let (symbol, assetClass, side, type, quantity, status, factor) = spec
            guard market.exists(symbol) else { return nil }
            let key = StableHash.combine(seed, 0x0bde, UInt64(index))
            let created = base.adding(seconds: -Double(index) * 5400 - Double(key % 1800) - 0.123456789)
            let price = market.engine(symbol).mid(at: created)
            return Order(
                id: StableHash.uuid(key), symbol: symbol, assetClass: assetClass, side: side, type: type,
                quantity: quantity, limitPrice: type == "limit" ? Rounding.stockPrice(price * factor) : nil,
                status: status, createdAt: created,
                filledPrice: status == "filled" ? Rounding.stockPrice(price) : nil)
        }
    }

    /// The watchlist id.
    var watchlistID: String { StableHash.uuid(StableHash.combine(seed, 0x3a7c)) }

    /// When the account and watchlist were created.
    var createdAt: Timestamp { Timestamp(nanoseconds: 1_672_597_220_272_275_000) }
}
