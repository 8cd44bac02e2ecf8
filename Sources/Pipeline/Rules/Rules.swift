public import MarketModel

/// The rule catalogue of product.md §3.1.
///
/// Every rejection carries one of these ids.
public enum Rules {
    /// V001: required fields are present.
    public static let requiredFields = RuleID(rawValue: "V001")
    /// V002: prices are positive (a quote side of 0 means "none" and is allowed).
    public static let positivePrice = RuleID(rawValue: "V002")
    /// V003: bid ≤ ask.
    public static let bidNotAboveAsk = RuleID(rawValue: "V003")
    /// V004: sizes and volumes are non-negative integers.
    public static let nonNegativeSize = RuleID(rawValue: "V004")
    /// V005: the symbol matches Alpaca's format.
    public static let symbolFormat = RuleID(rawValue: "V005")
    /// V006: an option's underlying matches the requested underlying.
    public static let optionUnderlying = RuleID(rawValue: "V006")
    /// V007: an option's expiration is a real date, not in the past.
    public static let expiration = RuleID(rawValue: "V007")
    /// V008: a timestamp parses and is not in the future beyond the clock skew.
    public static let futureTimestamp = RuleID(rawValue: "V008")
    /// V009: freshness for the market session.
    public static let freshness = RuleID(rawValue: "V009")
    /// V010: the entry has the wire schema (types, finite numbers).
    public static let schema = RuleID(rawValue: "V010")
    /// V011: a value is not older, by its own timestamps, than the one already held for its symbol
    /// (an out-of-order update is kept off the screen and counted; reliability.md D7).
    public static let ordering = RuleID(rawValue: "V011")
    /// B001: prices are within a sane range.
    public static let priceRange = RuleID(rawValue: "B001")
    /// B002: the price is within the allowed move from the previous close.
    public static let moveFromPreviousClose = RuleID(rawValue: "B002")
    /// B003: the last trade lies within the day's low–high.
    public static let lastWithinDayRange = RuleID(rawValue: "B003")
    /// B004: the daily bar is consistent (low ≤ open, close ≤ high).
    public static let dailyBarConsistent = RuleID(rawValue: "B004")
    /// B005: the volume pattern is sane.
    public static let volumePattern = RuleID(rawValue: "B005")
    /// B006: an option's ask is not below intrinsic value.
    public static let optionIntrinsic = RuleID(rawValue: "B006")
    /// B007: greeks are in range (call delta ∈ [0, 1], put delta ∈ [−1, 0], IV > 0).
    public static let greeksInRange = RuleID(rawValue: "B007")
    /// B008: no regular-session prints while the clock says closed.
    public static let marketContext = RuleID(rawValue: "B008")
    /// Q001: the quality score is at least the configured minimum.
    public static let minimumQuality = RuleID(rawValue: "Q001")
    /// P001: a position's current price lies within its symbol's validated spread (± tolerance).
    public static let positionPrice = RuleID(rawValue: "P001")
    /// P002: a position's market value is its quantity times its current price (× 100 for options).
    public static let positionValue = RuleID(rawValue: "P002")
    /// P003: the account's equity is its cash plus its long and short market values.
    public static let accountEquity = RuleID(rawValue: "P003")

    /// Every rule with a one-line description, for help screens and docs.
    public static let catalogue: [(id: RuleID, text: String)] = [
        (requiredFields, "required fields present"),
        (positivePrice, "prices > 0 (a quote side of 0 = none)"),
        (bidNotAboveAsk, "bid ≤ ask"),
        (nonNegativeSize, "sizes and volumes non-negative integers"),
        (symbolFormat, "symbol matches Alpaca's format"),
        (optionUnderlying, "option underlying matches the request"),
        (expiration, "expiration a real date, not past"),
        (futureTimestamp, "timestamp not in the future beyond skew"),
        (freshness, "fresh for the market session"),
        (schema, "value has the wire type"),
        (ordering, "not older than the value held"),
        (priceRange, "price within a sane range"),
        (moveFromPreviousClose, "within the allowed move from the previous close"),
        (lastWithinDayRange, "last trade within the day's low–high"),
        (dailyBarConsistent, "daily bar consistent"),
        (volumePattern, "volume pattern sane"),
        (optionIntrinsic, "option ask not below intrinsic value"),
        (greeksInRange, "greeks in range"),
        (marketContext, "no regular-session prints while closed"),
        (minimumQuality, "quality score at least the minimum"),
        (positionPrice, "position price within the validated spread"),
        (positionValue, "position market value = qty × price"),
        (accountEquity, "equity = cash + long + short market value"),
    ]
}
