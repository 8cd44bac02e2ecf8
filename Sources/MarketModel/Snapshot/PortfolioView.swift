/// The Portfolio panel's content: the account, its positions and its open orders, every figure
/// as Alpaca sent it, with the consistency rules' flags (P001–P003).
public struct PortfolioView: Sendable, Equatable {
    /// A decimal figure: the text as sent, and its value for the rules.
    public struct Figure: Sendable, Equatable {
        /// The text as Alpaca sent it.
        public var text: String
        /// Its value.
        public var value: Double

        /// Creates a figure.
        public init(text: String, value: Double) {
            self.text = text
            self.value = value
        }
    }

    /// The account's balances.
    public struct Account: Sendable, Equatable {
        /// The account status, such as `ACTIVE`.
        public var status: String
        /// Equity now.
        public var equity: Figure?
        /// Equity at the previous close.
        public var lastEquity: Figure?
        /// Cash.
        public var cash: Figure?
        /// Buying power.
        public var buyingPower: Figure?
        /// Long market value.
        public var longMarketValue: Figure?
        /// Short market value.
        public var shortMarketValue: Figure?
        /// The pattern-day-trader flag.
        public var patternDayTrader: Bool?
        /// Day trades in the window.
        public var daytradeCount: Int64?

        /// Creates an account.
        public init(
            status: String, equity: Figure?, lastEquity: Figure?, cash: Figure?, buyingPower: Figure?,
            longMarketValue: Figure?, shortMarketValue: Figure?, patternDayTrader: Bool?, daytradeCount: Int64?
        ) {
            self.status = status
            self.equity = equity
            self.lastEquity = lastEquity
            self.cash = cash
            self.buyingPower = buyingPower
            self.longMarketValue = longMarketValue
            self.shortMarketValue = shortMarketValue
            self.patternDayTrader = patternDayTrader
            self.daytradeCount = daytradeCount
        }

        /// The day's change, equity minus last equity (a derived field), when both were sent.
        public var dayChange: Double? {
            guard let equity, let lastEquity else { return nil }
            return equity.value - lastEquity.value
        }
    }

    /// One position.
    public struct Position: Sendable, Equatable {
        /// The symbol (a ticker or an OCC contract).
        public var symbol: String
        /// `long` or `short`.
        public var side: String
        /// `us_equity` or `us_option`.
        public var assetClass: String
        /// Quantity.
        public var quantity: Figure
        /// Average entry price.
        public var averageEntryPrice: Figure
        /// The current price.
        public var currentPrice: Figure?
        /// Market value.
        public var marketValue: Figure?
        /// Cost basis.
        public var costBasis: Figure?
        /// Unrealized P&L.
        public var unrealizedPL: Figure?
        /// Unrealized P&L as a fraction.
        public var unrealizedPLPercent: Figure?
        /// The day's P&L.
        public var intradayPL: Figure?
        /// The day's P&L as a fraction.
        public var intradayPLPercent: Figure?
        /// Consistency rules this position broke (shown beside it, counted in the journal).
        public var flags: [PipelineFailure]
        /// Whether the validated quote of its symbol is stale (the price is marked, never recomputed).
        public var isStale: Bool

        /// Creates a position.
        public init(
            symbol: String, side: String, assetClass: String, quantity: Figure, averageEntryPrice: Figure,
            currentPrice: Figure?, marketValue: Figure?, costBasis: Figure?, unrealizedPL: Figure?,
            unrealizedPLPercent: Figure?, intradayPL: Figure?, intradayPLPercent: Figure?,
            flags: [PipelineFailure] = [], isStale: Bool = false
        ) {
            self.symbol = symbol
            self.side = side
            self.assetClass = assetClass
            self.quantity = quantity
            self.averageEntryPrice = averageEntryPrice
            self.currentPrice = currentPrice
            self.marketValue = marketValue
            self.costBasis = costBasis
            self.unrealizedPL = unrealizedPL
            self.unrealizedPLPercent = unrealizedPLPercent
            self.intradayPL = intradayPL
            self.intradayPLPercent = intradayPLPercent
            self.flags = flags
            self.isStale = isStale
        }

        /// The stock whose chain Enter opens: the ticker, or an option's underlying root.
        public var underlying: String {
            OCCSymbol(symbol).map(\.root) ?? symbol
        }
    }

    /// One open order (read-only: nothing here places, changes or cancels an order).
    public struct Order: Sendable, Equatable {
        /// The symbol.
        public var symbol: String
        /// `buy` or `sell`.
        public var side: String
        /// The order type, such as `market` or `limit`.
        public var type: String
        /// Quantity.
        public var quantity: Figure?
        /// Filled quantity.
        public var filledQuantity: Figure?
        /// Limit price.
        public var limitPrice: Figure?
        /// Stop price.
        public var stopPrice: Figure?
        /// The status, such as `new`, `accepted` or `partially_filled`.
        public var status: String
        /// When it was submitted.
        public var submittedAt: Timestamp?

        /// Creates an order.
        public init(
            symbol: String, side: String, type: String, quantity: Figure?, filledQuantity: Figure?,
            limitPrice: Figure?, stopPrice: Figure?, status: String, submittedAt: Timestamp?
        ) {
            self.symbol = symbol
            self.side = side
            self.type = type
            self.quantity = quantity
            self.filledQuantity = filledQuantity
            self.limitPrice = limitPrice
            self.stopPrice = stopPrice
            self.status = status
            self.submittedAt = submittedAt
        }
    }

    /// The account, once read.
    public var account: Account?
    /// Flags on the account (P003).
    public var accountFlags: [PipelineFailure]
    /// Positions in Alpaca's order.
    public var positions: [Position]
    /// Open orders, newest first.
    public var orders: [Order]
    /// When it was read.
    public var fetchedAt: Timestamp?
    /// Why it could not be read (the last good view stays).
    public var failure: PipelineFailure?

    /// Creates a view.
    public init(
        account: Account? = nil, accountFlags: [PipelineFailure] = [], positions: [Position] = [],
        orders: [Order] = [], fetchedAt: Timestamp? = nil, failure: PipelineFailure? = nil
    ) {
        self.account = account
        self.accountFlags = accountFlags
        self.positions = positions
        self.orders = orders
        self.fetchedAt = fetchedAt
        self.failure = failure
    }
}
