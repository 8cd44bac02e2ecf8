internal import CCurl
public import HTTPCore
import Synchronization

/// An `HTTPTransport` over libcurl: one `curl_multi` driven by a dedicated thread, bridged to async/await.
///
/// - Connections are reused per host (the multi handle's connection cache), HTTP/2 is used where
///   the server offers it over TLS, and TLS peer verification is always on.
/// - Redirects are never followed; `http://` is accepted only for loopback hosts.
/// - Every request honours task cancellation, its whole-request deadline and its size cap; every
///   continuation is resumed exactly once, by the loop thread.
public final class CurlTransport: HTTPTransport {
    /// Transport-wide settings.
    public struct Configuration: Sendable {
        /// Connect timeout in seconds.
        public var connectTimeout: Double = 5
        /// Abort a transfer slower than `lowSpeedLimit` bytes/s for `lowSpeedTime` seconds.
        public var lowSpeedLimit: Int = 1
        /// See `lowSpeedLimit`.
        public var lowSpeedTime: Int = 5
        /// The most connections kept open to one host.
        public var maxConnectionsPerHost: Int = 2
        /// The `User-Agent` header.
        public var userAgent: String = "alpaca-dash/0.1"

        /// Creates the default configuration.
        public init() {}
    }

    private let loop: CurlLoop

    /// Creates a transport and starts its loop thread.
    /// - Parameter configuration: Transport-wide settings.
    public init(configuration: Configuration = Configuration()) {
        loop = CurlLoop(configuration: configuration)
    }

    deinit { loop.shutdown() }

    /// Sends a request and returns the complete response.
    /// - Parameter request: The request; its `timeout` is the whole-request deadline.
    /// - Returns: The response, whatever its status (3xx included: redirects are not followed).
    /// - Throws: `HTTPError` for transport failures, `CancellationError` when the task is cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let parts = URLParts(request.url) else {
            throw HTTPError(.invalidURL, "not an absolute http(s) URL")
        }
        guard parts.isAllowedUpstream else {
            throw HTTPError(.invalidURL, "plain http is allowed only to loopback hosts, not \(parts.host)")
        }
        try Task.checkCancellation()
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            transfer.cancelRequested.store(true, ordering: .releasing)
            loop.wake()
        }
    }

    /// Connections opened by this transport so far (for tests and metrics).
    public var connectionsOpened: Int { loop.connectionsOpened.load(ordering: .relaxed) }
}
