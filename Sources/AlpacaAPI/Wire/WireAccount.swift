public import MarketModel

/// `GET /v2/account` (the fields the dashboard reads; unknown keys are ignored).
public struct WireAccount: Sendable, Equatable {
    /// Account id.
    public var id: String
    /// Account number.
    public var accountNumber: String?
    /// Status, for example `ACTIVE`.
    public var status: String
    /// Currency.
    public var currency: String?
    /// Cash.
    public var cash: WireDecimal?
    /// Buying power.
    public var buyingPower: WireDecimal?
    /// Equity.
    public var equity: WireDecimal?
    /// Last equity (previous close).
    public var lastEquity: WireDecimal?
    /// Portfolio value.
    public var portfolioValue: WireDecimal?
    /// Long market value.
    public var longMarketValue: WireDecimal?
    /// Market value of short positions (zero or negative).
    public var shortMarketValue: WireDecimal?
    /// Whether the account is flagged as a pattern day trader.
    public var patternDayTrader: Bool?
    /// Day trades in the window (removed by Alpaca in 2026; optional).
    public var daytradeCount: Int64?
    /// Options trading level.
    public var optionsTradingLevel: Int64?
    /// Whether trading is blocked.
    public var tradingBlocked: Bool?
    /// When the account was created.
    public var createdAt: Timestamp?

    /// Reads an account object.
    /// - Throws: `DecodeError` when `id`/`status` are missing or a field is malformed.
    public init(json: JSONValue) throws(DecodeError) {
        id = try json.required("id") { v throws(DecodeError) in try v.string() }
        accountNumber = try json.optional("account_number") { v throws(DecodeError) in try v.string() }
        status = try json.required("status") { v throws(DecodeError) in try v.string() }
        currency = try json.optional("currency") { v throws(DecodeError) in try v.string() }
        cash = try json.optional("cash") { v throws(DecodeError) in try WireDecimal(json: v) }
        buyingPower = try json.optional("buying_power") { v throws(DecodeError) in try WireDecimal(json: v) }
        equity = try json.optional("equity") { v throws(DecodeError) in try WireDecimal(json: v) }
        lastEquity = try json.optional("last_equity") { v throws(DecodeError) in try WireDecimal(json: v) }
        portfolioValue = try json.optional("portfolio_value") { v throws(DecodeError) in try WireDecimal(json: v) }
        longMarketValue = try json.optional("long_market_value") { v throws(DecodeError) in
            try WireDecimal(json: v)
        }
        shortMarketValue = try json.optional("short_market_value") { v throws(DecodeError) in
            try WireDecimal(json: v)
        }
        patternDayTrader = try json.optional("pattern_day_trader") { v throws(DecodeError) in try v.bool() }
        daytradeCount = try json.optional("daytrade_count") { v throws(DecodeError) in try v.int64() }
        optionsTradingLevel = try json.optional("options_trading_level") { v throws(DecodeError) in try v.int64() }
        tradingBlocked = try json.optional("trading_blocked") { v throws(DecodeError) in try v.bool() }
        createdAt = try json.optional("created_at") { v throws(DecodeError) in try v.timestamp() }
    }
}
