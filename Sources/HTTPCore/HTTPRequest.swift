/// An HTTP request as the transport sends it.
///
/// Only GET is used by the product (it is read-only).
public struct HTTPRequest: Sendable, Equatable {
    /// The HTTP method.
    public enum Method: String, Sendable, Equatable {
        /// GET: the only method the product sends upstream.
        case get = "GET"
        /// HEAD.
        case head = "HEAD"
    }

    /// The absolute URL, for example `http://127.0.0.1:8080/v2/clock`.
    public var url: String
    /// The method.
    public var method: Method
    /// Request headers (name, value); secrets in values are never logged by the transport.
    public var headers: [(name: String, value: String)]
    /// The whole-request deadline in seconds (default 10).
    public var timeout: Double
    /// The largest body accepted, in bytes (default 16 MiB); a larger one is an error.
    public var maxResponseBytes: Int

    /// Creates a request.
    public init(
        url: String, method: Method = .get, headers: [(name: String, value: String)] = [], timeout: Double = 10,
        maxResponseBytes: Int = 16 << 20
    ) {
        self.url = url
        self.method = method
        self.headers = headers
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Compares requests field by field.
    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.url == rhs.url && lhs.method == rhs.method && lhs.timeout == rhs.timeout
            && lhs.maxResponseBytes == rhs.maxResponseBytes && lhs.headers.count == rhs.headers.count
            && zip(lhs.headers, rhs.headers).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
