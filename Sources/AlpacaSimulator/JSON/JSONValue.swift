/// A JSON document the simulator writes.
///
/// Objects serialise with their keys sorted, so output is byte-stable whatever the dictionary order.
indirect enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int64)
    /// A number; integral values print without a decimal point, non-finite values as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])
    /// Pre-serialised JSON text, inserted verbatim (for test hooks).
    case raw(String)

    /// A string or `null`.
    static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// An integer from `Int`.
    static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
}
