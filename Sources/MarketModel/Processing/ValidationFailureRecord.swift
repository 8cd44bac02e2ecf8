/// One rejection, as kept in the ring of recent validation failures.
public struct ValidationFailureRecord: Sendable, Equatable {
    /// When the rejection happened.
    public var time: Timestamp
    /// The symbol rejected.
    public var symbol: String
    /// The rule that fired.
    public var rule: RuleID
    /// The error class.
    public var code: FailureCode
    /// What was wrong.
    public var message: String

    /// Creates a record.
    public init(time: Timestamp, symbol: String, rule: RuleID, code: FailureCode, message: String) {
        self.time = time
        self.symbol = symbol
        self.rule = rule
        self.code = code
        self.message = message
    }
}
