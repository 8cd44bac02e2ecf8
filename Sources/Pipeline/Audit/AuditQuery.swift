public import MarketModel

/// Which audit records `alpaca-dash audit` looks at: every filter given must match.
public struct AuditQuery: Sendable, Equatable {
    /// Records at or after this time.
    public var since: Timestamp?
    /// Rejections by this rule (requests never match a rule filter).
    public var rule: RuleID?
    /// Rejections of this symbol (case-insensitive; requests never match).
    public var symbol: String?
    /// Requests whose endpoint contains this text, for example `/v2/stocks/snapshots` (rejections never match).
    public var endpoint: String?

    /// Creates a query; no filter matches everything.
    public init(since: Timestamp? = nil, rule: RuleID? = nil, symbol: String? = nil, endpoint: String? = nil) {
        self.since = since
        self.rule = rule.map { RuleID(rawValue: $0.rawValue.uppercased()) }
        self.symbol = symbol?.uppercased()
        self.endpoint = endpoint
    }

    /// Whether `record` passes every filter.
    public func matches(_ record: AuditRecord) -> Bool {
        if let since, record.time < since { return false }
        switch record.event {
        case .request(let request):
            if rule != nil || symbol != nil { return false }
            if let endpoint, !request.endpoint.contains(endpoint) { return false }
        case .rejection(let rejection):
            if endpoint != nil { return false }
            if let rule, rejection.rule != rule { return false }
            if let symbol, rejection.symbol.uppercased() != symbol { return false }
        }
        return true
    }
}
