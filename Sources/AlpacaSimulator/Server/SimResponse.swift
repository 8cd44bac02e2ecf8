import Hummingbird

/// A response before it is handed to Hummingbird, so the fault stage can inspect and alter it.
struct SimResponse: Sendable {
    /// How the body is produced.
    enum Body: Sendable {
        /// A complete body.
        case bytes([UInt8])
        /// A body written over time (slow bodies), with an optional declared length.
        case stream(
            contentLength: Int?, write: @Sendable @concurrent (inout any ResponseBodyWriter) async throws -> Void)
    }

    /// The HTTP status code.
    var status: Int
    /// Extra headers.
    var headers: [(name: String, value: String)] = []
    /// The body.
    var body: Body

    /// A JSON response.
    static func json(_ value: JSONValue, status: Int = 200) -> SimResponse {
        SimResponse(
            status: status, headers: [("Content-Type", "application/json; charset=UTF-8")], body: .bytes(value.bytes))
    }

    /// An Alpaca error body: `{"code": …, "message": …}`, or message-only when `code` is nil.
    static func error(status: Int, code: Int?, message: String) -> SimResponse {
        var members: [String: JSONValue] = ["message": .string(message)]
        if let code { members["code"] = .int(code) }
        return json(.object(members), status: status)
    }

    /// The body bytes when complete.
    var bodyBytes: [UInt8]? {
        if case .bytes(let bytes) = body { return bytes }
        return nil
    }
}
