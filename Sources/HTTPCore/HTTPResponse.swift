/// An HTTP response with its body fully read.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// Response headers with lower-cased names (the last value wins for repeated names).
    public var headers: [String: String]
    /// The body bytes (decompressed).
    public var body: [UInt8]
    /// Seconds from sending to the last byte.
    public var duration: Double

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], duration: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.duration = duration
    }

    /// The value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Alpaca's `X-Request-ID`, when sent.
    public var requestID: String? { header("x-request-id") }
}
