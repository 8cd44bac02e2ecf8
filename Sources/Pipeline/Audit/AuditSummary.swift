public import MarketModel

/// The figures of an incident review: requests by endpoint, rejections by rule and symbol, the
/// slowest requests.
public struct AuditSummary: Sendable, Equatable {
    /// One endpoint's requests.
    public struct EndpointFigures: Sendable, Equatable {
        /// Requests made.
        public var requests = 0
        /// Requests with no response or a status outside 2xx.
        public var errors = 0
        /// Requests answered 429.
        public var rateLimited = 0
        /// Requests by status (`nil` key: no response).
        public var byStatus: [Int?: Int] = [:]
        /// The median duration.
        public var medianMilliseconds: Double?
        /// The longest duration.
        public var maximumMilliseconds: Double?
    }

    /// How many slow requests ``slowest`` keeps.
    public static let slowestCount = 10

    /// The first and last record's time.
    public var first: Timestamp?
    /// The last record's time.
    public var last: Timestamp?
    /// Requests counted.
    public var requests = 0
    /// Requests by endpoint.
    public var endpoints: [String: EndpointFigures] = [:]
    /// Rejections counted.
    public var rejections = 0
    /// Rejections by rule.
    public var byRule: [RuleID: Int] = [:]
    /// Rejections by symbol.
    public var bySymbol: [String: Int] = [:]
    /// The slowest requests, slowest first, with their time.
    public var slowest: [(time: Timestamp, request: AuditRequest)] = []

    /// Summarises the records that `query` matches.
    public init(_ records: [AuditRecord], query: AuditQuery = AuditQuery()) {
        var durations: [String: [Double]] = [:]
        var slow: [(time: Timestamp, request: AuditRequest)] = []
        for record in records where query.matches(record) {
            first = first.map { min($0, record.time) } ?? record.time
            last = last.map { max($0, record.time) } ?? record.time
            switch record.event {
            case .request(let request):
                requests += 1
                var figures = endpoints[request.endpoint] ?? EndpointFigures()
                figures.requests += 1
                if request.isError { figures.errors += 1 }
                if request.status == 429 { figures.rateLimited += 1 }
                figures.byStatus[request.status, default: 0] += 1
                endpoints[request.endpoint] = figures
                durations[request.endpoint, default: []].append(request.durationMilliseconds)
                slow.append((record.time, request))
                if slow.count > 4 * Self.slowestCount { Self.trim(&slow) }
            case .rejection(let rejection):
                rejections += 1
                byRule[rejection.rule, default: 0] += 1
                bySymbol[rejection.symbol, default: 0] += 1
            }
        }
        for (endpoint, values) in durations {
            let sorted = values.sorted()
            endpoints[endpoint]?.medianMilliseconds = sorted[sorted.count / 2]
            endpoints[endpoint]?.maximumMilliseconds = sorted.last
        }
        Self.trim(&slow)
        slowest = slow
    }

    private static func trim(_ slow: inout [(time: Timestamp, request: AuditRequest)]) {
        slow.sort { $0.request.durationMilliseconds > $1.request.durationMilliseconds }
        if slow.count > slowestCount { slow.removeLast(slow.count - slowestCount) }
    }

    /// Equal figures and equal slowest requests.
    public static func == (lhs: AuditSummary, rhs: AuditSummary) -> Bool {
        lhs.first == rhs.first && lhs.last == rhs.last && lhs.requests == rhs.requests
            && lhs.endpoints == rhs.endpoints && lhs.rejections == rhs.rejections && lhs.byRule == rhs.byRule
            && lhs.bySymbol == rhs.bySymbol && lhs.slowest.map(\.request) == rhs.slowest.map(\.request)
            && lhs.slowest.map(\.time) == rhs.slowest.map(\.time)
    }
}
