import AlpacaAPI
public import MarketModel

/// One line of the audit trail, read back: an upstream request or a rejection.
public struct AuditRecord: Sendable, Equatable {
    /// What the line records.
    public enum Event: Sendable, Equatable {
        /// One upstream request.
        case request(AuditRequest)
        /// One rejection by the pipeline.
        case rejection(AuditRejection)
    }

    /// The longest line read; a longer one is unreadable.
    public static let maximumLineBytes = 1 << 20

    /// When the line was written.
    public var time: Timestamp
    /// What it records.
    public var event: Event

    /// Creates a record.
    public init(time: Timestamp, event: Event) {
        self.time = time
        self.event = event
    }

    /// Parses one line as ``AuditLog`` writes it.
    ///
    /// - Parameter line: The line's bytes, without its newline.
    /// - Returns: The record, or nil when the line is not one (over 1 MB, not JSON, a field missing
    ///   or out of range).
    public init?(line: some Collection<UInt8>) {
        guard !line.isEmpty, line.count <= Self.maximumLineBytes,
            let document = try? JSONDocument(bytes: Array(line)), document.root.isObject,
            let record = try? Self.decode(document.root)
        else { return nil }
        self = record
    }

    private static func decode(_ root: JSONValue) throws(DecodeError) -> AuditRecord {
        let time = try root.required("ts") { v throws(DecodeError) in try v.timestamp() }
        switch try root.required("kind", { v throws(DecodeError) in try v.string() }) {
        case "request":
            let status = try root.optional("status") { v throws(DecodeError) in try v.int64() }
            let bytes = try root.optional("bytes") { v throws(DecodeError) in try v.int64() } ?? 0
            let duration = try root.optional("duration_ms") { v throws(DecodeError) in try v.double() } ?? 0
            guard status.map({ (100...999).contains($0) }) ?? true else { throw DecodeError("status out of range") }
            guard bytes >= 0 else { throw DecodeError("negative bytes") }
            guard duration.isFinite, duration >= 0, duration < 86_400_000 else {
                throw DecodeError("duration out of range")
            }
            let request = AuditRequest(
                endpoint: try root.required("endpoint") { v throws(DecodeError) in try v.string() },
                status: status.map { Int($0) }, bytes: Int(clamping: bytes), durationMilliseconds: duration,
                requestID: try root.optional("request_id") { v throws(DecodeError) in try v.string() })
            return AuditRecord(time: time, event: .request(request))
        case "rejection":
            let rejection = AuditRejection(
                symbol: try root.required("symbol") { v throws(DecodeError) in try v.string() },
                rule: RuleID(rawValue: try root.required("rule") { v throws(DecodeError) in try v.string() }),
                code: try root.required("code") { v throws(DecodeError) in try v.string() },
                message: try root.optional("message") { v throws(DecodeError) in try v.string() } ?? "")
            return AuditRecord(time: time, event: .rejection(rejection))
        default:
            throw DecodeError("unknown kind")
        }
    }
}

/// An upstream request as the audit trail recorded it.
public struct AuditRequest: Sendable, Equatable {
    /// The endpoint label, for example `GET /v2/stocks/snapshots`.
    public var endpoint: String
    /// The HTTP status; nil when no response came.
    public var status: Int?
    /// The response body's size.
    public var bytes: Int
    /// How long it took.
    public var durationMilliseconds: Double
    /// The upstream's request id.
    public var requestID: String?

    /// Creates a request record.
    public init(endpoint: String, status: Int?, bytes: Int, durationMilliseconds: Double, requestID: String?) {
        self.endpoint = endpoint
        self.status = status
        self.bytes = bytes
        self.durationMilliseconds = durationMilliseconds
        self.requestID = requestID
    }

    /// Whether it failed: no response, or a status outside 2xx.
    public var isError: Bool { status.map { !(200..<300).contains($0) } ?? true }
}

/// A rejection as the audit trail recorded it.
public struct AuditRejection: Sendable, Equatable {
    /// The symbol rejected.
    public var symbol: String
    /// The rule that fired.
    public var rule: RuleID
    /// The error class (`DATA_VALIDATION_ERROR`, …).
    public var code: String
    /// What was wrong.
    public var message: String

    /// Creates a rejection record.
    public init(symbol: String, rule: RuleID, code: String, message: String) {
        self.symbol = symbol
        self.rule = rule
        self.code = code
        self.message = message
    }
}
