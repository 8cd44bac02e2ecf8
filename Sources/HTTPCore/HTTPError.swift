/// A transport-level failure: no usable HTTP response was received.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The TCP/TLS connection could not be made (refused, unreachable, DNS).
        case connectionFailed
        /// Connecting took longer than the connect timeout.
        case connectTimeout
        /// The whole-request deadline passed, or the transfer stalled below the low-speed limit.
        case timeout
        /// The connection broke mid-transfer (reset, truncated body).
        case connectionReset
        /// The body was larger than the request's cap.
        case responseTooLarge
        /// The URL was refused before sending (bad scheme, `http://` to a non-loopback host).
        case invalidURL
        /// A TLS error (peer verification failed, handshake).
        case tls
        /// The request was cancelled.
        case cancelled
        /// Anything else.
        case other
    }

    /// The failure class.
    public var kind: Kind
    /// A short explanation (never holds a credential).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether a GET that failed this way may be retried.
    public var isRetryable: Bool {
        switch kind {
        case .connectionFailed, .connectTimeout, .timeout, .connectionReset: true
        default: false
        }
    }

    /// `kind: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}
