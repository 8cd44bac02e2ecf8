/// Why an alert rule could not be parsed.
public struct AlertRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the rule, as a phrase following "the rule".
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
