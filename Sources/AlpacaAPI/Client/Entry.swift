/// One symbol's value in a multi-symbol response, decoded on its own so a bad entry costs only itself.
public enum Entry<Value: Sendable>: Sendable {
    /// The entry decoded.
    indirect case value(Value)
    /// The upstream sent `null` for the symbol (unknown or no data).
    case null
    /// The entry was present but malformed.
    case invalid(DecodeError)

    /// The value, when decoded.
    public var value: Value? {
        if case .value(let v) = self { return v }
        return nil
    }
}

extension Entry: Equatable where Value: Equatable {}

/// The result of a (possibly chunked, possibly paginated) multi-symbol request.
public struct BatchResult<Value: Sendable>: Sendable {
    /// Entries by symbol, as returned.
    ///
    /// A requested symbol absent from both maps was not returned.
    public var entries: [String: Entry<Value>]
    /// Requested symbols whose whole chunk failed, with the error.
    public var failures: [String: AlpacaError]
    /// HTTP requests made to produce this result.
    public var requestCount: Int

    /// Creates a result.
    public init(entries: [String: Entry<Value>] = [:], failures: [String: AlpacaError] = [:], requestCount: Int = 0) {
        self.entries = entries
        self.failures = failures
        self.requestCount = requestCount
    }

    /// Adds another result's contents.
    mutating func merge(_ other: BatchResult<Value>) {
        entries.merge(other.entries) { _, new in new }
        failures.merge(other.failures) { _, new in new }
        requestCount += other.requestCount
    }
}
