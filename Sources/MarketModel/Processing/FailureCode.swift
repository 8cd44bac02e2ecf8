/// The structured error classes of the pipeline (the seed's error codes).
public enum FailureCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// The upstream failed (HTTP or transport error).
    case upstreamError = "UPSTREAM_ERROR"
    /// Ingress validation rejected the value.
    case dataValidationError = "DATA_VALIDATION_ERROR"
    /// A business rule rejected the value.
    case businessRuleViolation = "BUSINESS_RULE_VIOLATION"
    /// The quality score was below the minimum.
    case qaError = "QA_ERROR"
    /// The upstream did not return the symbol.
    case dataUnavailable = "DATA_UNAVAILABLE"
}

/// Why a symbol has no value on screen: a typed, person-readable failure.
public struct PipelineFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The error class.
    public var code: FailureCode
    /// The rule that fired, when one applies.
    public var rule: RuleID?
    /// The symbol concerned, when one applies.
    public var symbol: String?
    /// A message a person can act on.
    ///
    /// Upstream text inside it is raw; sanitize before display.
    public var message: String
    /// The HTTP status, for upstream errors.
    public var httpStatus: Int?

    /// Creates a failure.
    public init(code: FailureCode, rule: RuleID? = nil, symbol: String? = nil, message: String, httpStatus: Int? = nil)
    {
        self.code = code
        self.rule = rule
        self.symbol = symbol
        self.message = message
        self.httpStatus = httpStatus
    }

    /// `CODE [rule] message`.
    public var description: String {
        var text = code.rawValue
        if let rule { text += " [\(rule)]" }
        return text + " " + message
    }
}
