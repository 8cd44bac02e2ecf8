import FaultInjection
import Hummingbird
import MarketModel
import NIOCore

/// The single stage every request passes through on its way to a route and back.
///
/// It serves scripted errors (``SimulatedMarket/setErrorMessage(path:status:message:)``) and
/// truncations, and the transport faults of the fault layer (``FaultKind``): it sees the parsed
/// request before routing and the complete ``SimResponse`` afterwards. Data faults are applied by
/// the routes, value by value (``RouteContext/withDataFaults(symbol:key:_:)``).
struct FaultStage: Sendable {
    /// The outcome of the stage: the response and whether a fault produced or altered it.
    struct Outcome: Sendable {
        /// The response to send.
        var response: SimResponse
        /// Whether it counts as an injected fault.
        var injected: Bool
    }

    /// Runs `route` for `request`, unless a scripted or injected fault answers first.
    func process(
        _ request: SimRequest, hooks: MarketHooks, market: SimulatedMarket, state: ServerState,
        route: (SimRequest) async throws -> SimResponse
    ) async throws -> Outcome {
        if let scripted = hooks.errors[request.path] {
            let code = APIError.defaultCode(for: scripted.status)
            return Outcome(
                response: .error(status: scripted.status, code: code, message: scripted.message), injected: true)
        }
        let fault = state.faults.transportFault(path: request.path)
        switch fault {
        case .latency(let ms)?: try await Self.pause(milliseconds: ms, state: state)
        case .hang(let seconds)?: try await Self.pause(milliseconds: seconds * 1000, state: state)
        case .status(let code)?: return Outcome(response: Self.status(code), injected: true)
        case .rateLimit(let seconds)?:
            let headers = [
                ("X-RateLimit-Limit", String(state.configuration.rateLimitPerMinute)), ("X-RateLimit-Remaining", "0"),
                ("X-RateLimit-Reset", String(Timestamp.now().wholeSeconds + Int64(seconds))),
            ]
            return Outcome(response: Self.status(429, headers: headers), injected: true)
        case .hostileError(let code)?:
            let response = SimResponse.error(
                status: code, code: APIError.defaultCode(for: code), message: DataFault.hostileText)
            return Outcome(response: response, injected: true)
        case .retryAfter(let seconds)?:
            return Outcome(response: Self.status(429, headers: [("Retry-After", String(seconds))]), injected: true)
        case .redirect(let port)?:
            let location = "http://127.0.0.1:\(port)\(request.path)"
            return Outcome(
                response: SimResponse(status: 302, headers: [("Location", location)], body: .bytes([])), injected: true)
        default: break
        }
        var response = try await route(request)
        if market.takeTruncation(path: request.path), case .bytes(let body) = response.body {
            response.body = .bytes(Array(body.prefix(body.count / 2)))
            return Outcome(response: response, injected: true)
        }
        guard let fault, case .bytes(let body) = response.body else {
            return Outcome(response: response, injected: fault != nil)
        }
        switch fault {
        case .truncate: response.body = .bytes(Array(body.prefix(body.count / 2)))
        case .malformed: response.body = .bytes(Array(body.prefix(body.count / 2)) + Array("\u{0}}]{\"".utf8))
        case .oversize(let megabytes): response.body = .bytes(TransportTestRoutes.filler(count: megabytes << 20))
        case .reset: response.body = Self.stream(body, cutAfter: body.count / 2, interval: 0, state: state)
        case .drip(let ms): response.body = Self.stream(body, cutAfter: nil, interval: ms, state: state)
        default: break
        }
        return Outcome(response: response, injected: true)
    }

    /// An Alpaca error for an injected status (429, a 5xx, 401 or 403); a 429 carries `headers` (by default `X-RateLimit-Remaining: 0`,
    /// `X-RateLimit-Reset` two seconds ahead and `Retry-After: 2`).
    static func status(_ code: Int, headers: [(String, String)]? = nil) -> SimResponse {
        let headers =
            headers ?? [
                ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", String(Timestamp.now().wholeSeconds + 2)),
                ("Retry-After", "2"),
            ]
        let message: String
        switch code {
        case 429: message = "too many requests."
        case 401: message = "unauthorized."
        case 403: message = "forbidden."
        default: message = "internal server error (injected \(code))"
        }
        var response = SimResponse.error(status: code, code: APIError.defaultCode(for: code), message: message)
        if code == 429 { response.headers += headers }
        return response
    }

    /// `body` written over time: one byte every `interval` ms, or all at once; with `cutAfter`,
    /// the connection breaks after that many bytes although the declared length is the whole.
    static func stream(_ body: [UInt8], cutAfter: Int?, interval: Int, state: ServerState) -> SimResponse.Body {
        .stream(contentLength: body.count) { writer in
            let end = cutAfter ?? body.count
            if interval == 0 {
                try await writer.write(ByteBuffer(bytes: body[..<end]))
            } else {
                for byte in body[..<end] {
                    if state.isStopping { return }
                    try await writer.write(ByteBuffer(bytes: [byte]))
                    try await Task.sleep(for: .milliseconds(interval))
                }
            }
            if cutAfter != nil { throw CancellationError() }
            try await writer.finish(nil)
        }
    }

    /// Sleeps in short slices so `stop()` and cancellation end it promptly.
    static func pause(milliseconds: Int, state: ServerState) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(milliseconds))
        while clock.now < deadline {
            if state.isStopping { return }
            try Task.checkCancellation()
            try await Task.sleep(for: min(deadline - clock.now, .milliseconds(100)))
        }
    }
}
