public import HTTPCore
import MarketModel

/// A read-only client for Alpaca's REST APIs over any `HTTPTransport`.
///
/// It sends only GET requests. Every request goes through one shared `RateLimiter` and the
/// `RetryPolicy`; multi-symbol requests are chunked (≤ 200 stock symbols, ≤ 100 option symbols)
/// and decoded entry by entry; paginated endpoints are followed with a repeated-token guard and
/// a page cap. Every failure is an `AlpacaError`.
public struct AlpacaClient: Sendable {
    /// Client settings.
    public struct Configuration: Sendable {
        /// Base URLs.
        public var hosts: AlpacaHosts
        /// The key pair; nil sends no auth headers (the simulator without `--keys`).
        public var credentials: Credentials?
        /// Stock feed: `iex` (default) or `sip`.
        public var stockFeed: String = "iex"
        /// Options feed: `indicative` (default) or `opra`.
        public var optionsFeed: String = "indicative"
        /// Retry policy.
        public var retry = RetryPolicy()
        /// The most stock symbols per request (Alpaca's practical cap: 200).
        public var stockChunkSize = 200
        /// The most option symbols per request (Alpaca's documented cap: 100).
        public var optionChunkSize = 100
        /// The most pages followed for one logical request.
        public var pageCap = 100
        /// The most chunk requests in flight at once.
        public var maxConcurrentChunks = 4
        /// When to stop calling a failing host, and how to probe it.
        public var breaker = CircuitBreaker.Policy()
        /// The whole-request deadline of one attempt, in seconds.
        ///
        /// Headers and body must both have arrived by then (reliability.md T2, T3); option chain
        /// pages get half as long again.
        public var requestTimeout: Double = 10

        /// Creates a configuration.
        public init(hosts: AlpacaHosts, credentials: Credentials? = nil) {
            self.hosts = hosts
            self.credentials = credentials
        }
    }

    /// The settings in force.
    public let configuration: Configuration
    let transport: any HTTPTransport
    let limiter: RateLimiter
    /// The hosts' circuit breakers, shared by every copy of this client.
    public let breakers: CircuitBreakers
    let observer: (any RequestObserver)?
    let timing: RateLimiter.Timing

    /// Creates a client.
    /// - Parameters:
    ///   - configuration: Hosts, credentials, feeds and policies.
    ///   - transport: The HTTP transport (libcurl in the product).
    ///   - limiter: The rate limiter shared by every request made with this key.
    ///   - observer: Receives every attempt (metrics, audit trail).
    ///   - timing: Clock and sleeper for backoff waits.
    public init(
        configuration: Configuration, transport: any HTTPTransport, limiter: RateLimiter = RateLimiter(),
        observer: (any RequestObserver)? = nil, timing: RateLimiter.Timing = .system
    ) {
        self.configuration = configuration
        self.transport = transport
        self.breakers = CircuitBreakers(policy: configuration.breaker)
        self.limiter = limiter
        self.observer = observer
        self.timing = timing
    }

    /// Which API a request goes to.
    enum API {
        case trading, data
    }

    /// Sends one logical GET (with retries) and returns the 2xx response.
    /// - Parameters:
    ///   - api: Trading or data host.
    ///   - path: The path, starting with `/`, already escaped.
    ///   - query: Query parameters.
    ///   - endpoint: The label for errors and metrics, for example `GET /v2/stocks/snapshots`.
    ///   - timeout: The whole-request deadline (default: the configuration's).
    func get(
        _ api: API, _ path: String, query: QueryItems = QueryItems(), endpoint: String, timeout: Double? = nil
    ) async throws -> HTTPResponse {
        let base = api == .trading ? configuration.hosts.trading : configuration.hosts.data
        let encoded = query.encoded
        let url = base + path + (encoded.isEmpty ? "" : "?" + encoded)
        guard let parts = URLParts(url), parts.isAllowedUpstream else {
            throw AlpacaError(
                kind: .invalidRequest, message: "refusing \(base): plain http is allowed only to loopback hosts",
                endpoint: endpoint)
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let credentials = configuration.credentials { headers += credentials.headers }
        let request = HTTPRequest(url: url, headers: headers, timeout: timeout ?? configuration.requestTimeout)
        let policy = configuration.retry
        var attempt = 0
        let host = parts.host
        while true {
            attempt += 1
            let probe = try await admit(host: host, endpoint: endpoint)
            do {
                try await limiter.acquire(host: host)
            } catch {
                if probe { await breakers.abandonProbe(host: host, now: timing.now()) }
                throw error
            }
            await limiter.beginRequest()
            let outcome: Result<HTTPResponse, any Error>
            do {
                outcome = .success(try await transport.send(request))
            } catch {
                outcome = .failure(error)
            }
            await limiter.endRequest()
            let response: HTTPResponse
            do {
                response = try outcome.get()
            } catch let error as HTTPError {
                if error.kind == .cancelled {
                    if probe { await breakers.abandonProbe(host: host, now: timing.now()) }
                    throw CancellationError()
                }
                let message = redact(error.message)
                report(endpoint, attempt, nil, 0, 0, nil, "\(error.kind.rawValue): \(message)", RateLimitHeaders())
                await recordOutcome(host: host, failure: (nil, "\(error.kind.rawValue): \(message)"), probe: probe)
                if error.isRetryable && attempt < policy.maxAttempts {
                    try await timing.sleep(policy.backoff(afterAttempt: attempt))
                    continue
                }
                throw AlpacaError(kind: .transport, message: message, endpoint: endpoint, transportKind: error.kind)
            } catch {
                // Not a transport verdict on the host (cancellation from above, for one).
                if probe { await breakers.abandonProbe(host: host, now: timing.now()) }
                throw error
            }
            let rate = RateLimitHeaders(response: response)
            let hold = await limiter.record(rate, status: response.status, host: host)
            let requestID = response.requestID.map(sanitizedRequestID)
            if (200..<300).contains(response.status) {
                report(endpoint, attempt, response.status, response.body.count, response.duration, requestID, nil, rate)
                await recordOutcome(host: host, failure: nil, probe: probe)
                return response
            }
            let body = WireErrorBody(body: response.body)
            let message = redact(body.message ?? "")
            report(
                endpoint, attempt, response.status, response.body.count, response.duration,
                requestID, "HTTP \(response.status) \(message)", rate, hold: hold)
            let hostFailed = CircuitBreaker.isHostFailure(status: response.status)
            await recordOutcome(host: host, failure: hostFailed ? (response.status, message) : nil, probe: probe)
            if RetryPolicy.isRetryable(status: response.status) && attempt < policy.maxAttempts {
                // After a 429 the limiter holds the host until the reset; other statuses back off.
                if response.status != 429 { try await timing.sleep(policy.backoff(afterAttempt: attempt)) }
                continue
            }
            throw AlpacaError(
                kind: .http, httpStatus: response.status, code: body.code, message: message,
                requestID: requestID, endpoint: endpoint)
        }
    }

    /// Asks the host's breaker for leave to call.
    /// - Returns: Whether this call is the half-open probe.
    /// - Throws: `AlpacaError` of kind `.circuitOpen` when the breaker refuses (nothing is sent).
    private func admit(host: String, endpoint: String) async throws -> Bool {
        let (permit, last) = await breakers.permit(host: host, now: timing.now())
        switch permit {
        case .allowed: return false
        case .probe: return true
        case .refused(let retryAt):
            // The cause comes first, so a clamped cell still shows why.
            let next =
                retryAt.map { "next probe in \(Checked.wholeText(max(0, ($0 - timing.now()).rounded(.up)))) s" }
                ?? "probing"
            let cause = last.map { $0.message + " — " } ?? ""
            throw AlpacaError(
                kind: .circuitOpen, httpStatus: last?.status,
                message: cause + "repeated failures: calls to \(host) paused, \(next)", endpoint: endpoint)
        }
    }

    /// Feeds an attempt's outcome to the host's breaker and tells the observer when it changes state.
    private func recordOutcome(host: String, failure: (status: Int?, message: String)?, probe: Bool) async {
        let changed = await breakers.record(host: host, failure: failure, probe: probe, now: timing.now())
        if let changed { observer?.circuitChanged(host: host, state: changed) }
    }

    /// Sends a GET and parses the body as JSON.
    func getJSON(
        _ api: API, _ path: String, query: QueryItems = QueryItems(), endpoint: String, timeout: Double? = nil
    ) async throws -> JSONValue {
        var attempt = 1
        while true {
            let response = try await get(api, path, query: query, endpoint: endpoint, timeout: timeout)
            do {
                return try JSONDocument(bytes: response.body).root
            } catch {
                // A body that ends mid-document arrived truncated (a proxy or server that closed
                // early with framing that looked complete): retried like a reset connection.
                let truncated = error.offset >= response.body.count
                let requestID = response.requestID.map(sanitizedRequestID)
                if truncated && attempt < configuration.retry.maxAttempts {
                    report(
                        endpoint, attempt, response.status, response.body.count, response.duration, requestID,
                        "truncated body: \(redact(error.description))", RateLimitHeaders())
                    try await timing.sleep(configuration.retry.backoff(afterAttempt: attempt))
                    attempt += 1
                    continue
                }
                throw AlpacaError(
                    kind: .decoding, message: redact(truncated ? "truncated JSON: \(error)" : "invalid JSON: \(error)"),
                    requestID: requestID, endpoint: endpoint)
            }
        }
    }

    func redact(_ text: String) -> String { configuration.credentials?.redact(text) ?? text }

    /// A per-entry decode error as the client keeps it: its path holds keys the body chose, so
    /// each is redacted and cut to 64 characters, like any server text.
    func redacted(_ error: DecodeError) -> DecodeError {
        DecodeError(redact(error.message), path: error.path.map { String(redact($0).prefix(64)) })
    }

    /// `X-Request-ID` as the client keeps it: redacted like any server text, and cut to 128
    /// bytes of visible ASCII (Alpaca's ids are 32 hex digits; anything else is replaced by `?`).
    func sanitizedRequestID(_ raw: String) -> String {
        let visible = String(
            decoding: raw.utf8.prefix(128).map { (0x21...0x7E).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        return redact(visible)
    }

    private func report(
        _ endpoint: String, _ attempt: Int, _ status: Int?, _ bytes: Int, _ duration: Double, _ requestID: String?,
        _ error: String?, _ rate: RateLimitHeaders, hold: RateLimitHold? = nil
    ) {
        observer?.requestFinished(
            RequestEvent(
                endpoint: endpoint, attempt: attempt, status: status, bytes: bytes, duration: duration,
                requestID: requestID, error: error,
                finishedAt: Timestamp(nanoseconds: Checked.int64(timing.now() * 1e9) ?? 0),
                rateLimit: rate, hold: hold))
    }

    /// Escapes one path segment (a symbol or id).
    static func segment(_ text: String) -> String { QueryItems.escape(text) }
}
