public import HTTPCore

/// Every failure of an Alpaca call, as one typed value: HTTP status, Alpaca code, message,
/// request id and endpoint.
///
/// Never holds a credential.
public struct AlpacaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The failure class.
    public enum Kind: String, Sendable, Equatable {
        /// A non-2xx HTTP response.
        case http
        /// No response (connection, timeout, size cap, …); see `transportKind`.
        case transport
        /// The body was not the JSON we expected.
        case decoding
        /// Pagination went wrong (repeated token, page cap).
        case pagination
        /// The request was refused before sending (bad URL, too many symbols).
        case invalidRequest
        /// Not sent: the host's circuit breaker is open after repeated failures.
        case circuitOpen
    }

    /// The failure class.
    public var kind: Kind
    /// The HTTP status, for `.http`.
    public var httpStatus: Int?
    /// Alpaca's 8-digit code, when the body had one.
    public var code: Int?
    /// The message (server text is raw; sanitize before display).
    public var message: String
    /// `X-Request-ID`, when the server sent one.
    public var requestID: String?
    /// The endpoint, for example `GET /v2/stocks/snapshots`.
    public var endpoint: String
    /// The transport failure class, for `.transport`.
    public var transportKind: HTTPError.Kind?

    /// Creates an error.
    public init(
        kind: Kind, httpStatus: Int? = nil, code: Int? = nil, message: String, requestID: String? = nil,
        endpoint: String, transportKind: HTTPError.Kind? = nil
    ) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.requestID = requestID
        self.endpoint = endpoint
        self.transportKind = transportKind
    }

    /// Whether the upstream refused our credentials (401/403).
    public var isUnauthorized: Bool { httpStatus == 401 || httpStatus == 403 }

    /// Whether the upstream could not be reached at all.
    public var isUnreachable: Bool { kind == .transport || kind == .circuitOpen }

    /// `endpoint: HTTP 403 (code 40310000) message [request id]`.
    public var description: String {
        var text = endpoint + ": "
        switch kind {
        case .http: text += "HTTP \(httpStatus ?? 0)"
        case .transport: text += "transport error (\(transportKind?.rawValue ?? "other"))"
        case .decoding: text += "bad response body"
        case .pagination: text += "pagination error"
        case .invalidRequest: text += "invalid request"
        case .circuitOpen: text += httpStatus.map { "HTTP \($0), circuit open" } ?? "circuit open"
        }
        if let code { text += " (code \(code))" }
        if !message.isEmpty { text += " " + message }
        if let requestID { text += " [request \(requestID)]" }
        return text
    }
}
