/// A set of subscriptions by channel, as the client asks for them and as the server echoes the
/// whole current set.
public struct StreamSubscription: Sendable, Equatable {
    /// `trades`.
    public var trades: [String]
    /// `quotes`.
    public var quotes: [String]
    /// `bars` (minute bars).
    public var bars: [String]
    /// `dailyBars`.
    public var dailyBars: [String]
    /// `updatedBars` (bars corrected by late trades).
    public var updatedBars: [String]
    /// `statuses` (trading halts and resumptions).
    public var statuses: [String]

    /// Creates a subscription.
    public init(
        trades: [String] = [], quotes: [String] = [], bars: [String] = [], dailyBars: [String] = [],
        updatedBars: [String] = [], statuses: [String] = []
    ) {
        self.trades = trades
        self.quotes = quotes
        self.bars = bars
        self.dailyBars = dailyBars
        self.updatedBars = updatedBars
        self.statuses = statuses
    }

    /// What the dashboard asks for each stock symbol: trades, quotes, every bar kind and statuses.
    public static func stocks(_ symbols: [String]) -> StreamSubscription {
        StreamSubscription(
            trades: symbols, quotes: symbols, bars: symbols, dailyBars: symbols, updatedBars: symbols,
            statuses: symbols)
    }

    /// What the dashboard asks for each option contract: trades and quotes, the only channels the
    /// option stream has.
    public static func options(_ contracts: [String]) -> StreamSubscription {
        StreamSubscription(trades: contracts, quotes: contracts)
    }

    /// The channels by their wire names, in a fixed order.
    public var channels: [(name: String, symbols: [String])] {
        [
            ("trades", trades), ("quotes", quotes), ("bars", bars), ("dailyBars", dailyBars),
            ("updatedBars", updatedBars), ("statuses", statuses),
        ]
    }

    /// Sets a channel by its wire name; unknown names are ignored.
    public mutating func set(_ name: String, _ symbols: [String]) {
        switch name {
        case "trades": trades = symbols
        case "quotes": quotes = symbols
        case "bars": bars = symbols
        case "dailyBars": dailyBars = symbols
        case "updatedBars": updatedBars = symbols
        case "statuses": statuses = symbols
        default: break
        }
    }

    /// The symbols that count toward a plan's symbol limit: those with trades or quotes.
    public var limitedSymbols: Set<String> { Set(trades).union(quotes) }

    /// Whether no channel holds a symbol.
    public var isEmpty: Bool { channels.allSatisfy { $0.symbols.isEmpty } }
}
