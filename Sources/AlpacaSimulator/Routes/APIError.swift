/// An error a route throws to answer with an Alpaca error body.
struct APIError: Error, Sendable {
    /// The HTTP status.
    var status: Int
    /// The eight-digit Alpaca code, or nil for message-only bodies.
    var code: Int?
    /// The message.
    var message: String

    /// A data-API bad parameter: 400 `40010001`.
    static func badParameter(_ message: String) -> APIError {
        APIError(status: 400, code: 40_010_001, message: message)
    }

    /// A trading-API bad parameter: 422 `40010001`.
    static func unprocessable(_ message: String) -> APIError {
        APIError(status: 422, code: 40_010_001, message: message)
    }

    /// A not-found: 404 `40410000`.
    static func notFound(_ message: String) -> APIError { APIError(status: 404, code: 40_410_000, message: message) }

    /// An invalid timeframe: 422 `42210000`, as observed on the data API.
    static let invalidTimeframe = APIError(status: 422, code: 42_210_000, message: "invalid timeframe")

    /// The usual code for a status: the status followed by `10000`, so 404 gives 40410000.
    static func defaultCode(for status: Int) -> Int { status * 100_000 + 10_000 }

    /// The response for this error.
    var response: SimResponse { .error(status: status, code: code, message: message) }
}
