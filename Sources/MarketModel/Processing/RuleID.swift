/// The id of a pipeline rule, for example `V003` (ingress validation) or `B002` (business rule).
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The id text.
    public var rawValue: String
    /// Creates a rule id.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The id text.
    public var description: String { rawValue }
    /// Orders ids by text.
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}
