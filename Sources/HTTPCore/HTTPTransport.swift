/// Something that sends an HTTP request and returns the complete response.
///
/// Implementations must honour task cancellation, the request's timeout and size cap, and must
/// never follow redirects (a 3xx is returned as a response).
public protocol HTTPTransport: Sendable {
    /// Sends a request.
    /// - Parameter request: The request to send.
    /// - Returns: The response, whatever its status.
    /// - Throws: `HTTPError` when no response was received, `CancellationError` when cancelled.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
