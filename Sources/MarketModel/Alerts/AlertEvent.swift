/// An alert rule crossing its threshold (firing) or crossing back past its hysteresis (resolved).
public struct AlertEvent: Sendable, Equatable {
    /// Which way the rule crossed.
    public enum State: String, Sendable {
        /// The condition began to hold.
        case firing
        /// The condition stopped holding (past the hysteresis).
        case resolved
    }

    /// The rule as written in the config file.
    public var rule: String
    /// The rule's position in the config file's `alerts` list.
    public var ruleIndex: Int
    /// Which way it crossed.
    public var state: State
    /// The symbol it concerns, for per-symbol rules.
    public var symbol: String?
    /// The value that crossed.
    public var value: Double
    /// The rule's threshold.
    public var threshold: Double
    /// When the crossing was seen.
    public var time: Timestamp

    /// Creates an event.
    public init(
        rule: String, ruleIndex: Int, state: State, symbol: String?, value: Double, threshold: Double, time: Timestamp
    ) {
        self.rule = rule
        self.ruleIndex = ruleIndex
        self.state = state
        self.symbol = symbol
        self.value = value
        self.threshold = threshold
        self.time = time
    }

    /// One line for people: `FIRING AAPL: AAPL last > 200 (value 201.5)`.
    public var summary: String {
        let who = symbol.map { "\($0): " } ?? ""
        return "\(state == .firing ? "FIRING" : "resolved") \(who)\(rule) (value \(Self.number(value)))"
    }

    /// A number with at most four decimals, without trailing zeros.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if abs(value) >= 1e9 { return Checked.wholeText(value) }
        let rounded = (value * 10_000).rounded() / 10_000
        var text = "\(rounded)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }
}
