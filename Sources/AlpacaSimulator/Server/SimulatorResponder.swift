import HTTPTypes
import Hummingbird
import MarketModel
import NIOCore

/// The one responder behind every path: counts, authenticates, rate-limits, runs the fault stage
/// and the route, then stamps the rate-limit and request-id headers.
struct SimulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The market.
    let market: SimulatedMarket
    /// Server-wide state.
    let state: ServerState
    /// The fault stage.
    let faults = FaultStage()

    /// Answers one request.
    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let arrival = Double(Timestamp.now().nanoseconds) / 1e9
        var headers: [(name: String, value: String)] = []
        for field in request.headers { headers.append((field.name.rawName, field.value)) }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        var simRequest = SimRequest(method: request.method.rawValue, target: target, headers: headers)
        if request.method == .post {
            let buffer = try await request.body.collect(upTo: 16_384)
            simRequest.body = Array(buffer.readableBytesView)
        }
        let outcome = try await handle(simRequest)
        var response = outcome.response
        let host = RouteTable.host(of: simRequest.segments)
        let rate = state.takeRateToken(count: false)
        func add(_ name: String, _ value: String) {
            if !response.headers.contains(where: { $0.name.lowercased() == name.lowercased() }) {
                response.headers.append((name, value))
            }
        }
        if host != .simulator || simRequest.segments.count > 1 && simRequest.segments[1] == "test" {
            add("X-RateLimit-Limit", String(rate.limit))
            add("X-RateLimit-Remaining", String(rate.remaining))
            add("X-RateLimit-Reset", String(rate.reset))
        }
        add("X-Request-ID", state.nextRequestID())
        if !Self.isControl(simRequest.path) {
            state.recordResponse(status: response.status, fault: outcome.injected)
            state.requestLog.append(
                SimRequestRecord(
                    time: arrival, method: simRequest.method, path: simRequest.path,
                    query: target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "",
                    status: response.status, carriedCredentials: Self.credentialHeaders(simRequest) != nil,
                    credentialHash: Self.credentialHeaders(simRequest).map(Self.hash), faultInjected: outcome.injected))
        }
        let converted = Self.convert(response)
        return request.method == .head ? converted.createHeadResponse() : converted
    }

    /// Counting, keys, rate limit, fault stage and route, in that order.
    private func handle(_ request: SimRequest) async throws -> FaultStage.Outcome {
        let host = RouteTable.host(of: request.segments)
        if !Self.isControl(request.path) { state.recordRequest(path: request.path) }
        if host != .simulator, let keys = state.configuration.keys {
            let authorized =
                request.header("APCA-API-KEY-ID") == keys.id && request.header("APCA-API-SECRET-KEY") == keys.secret
            if !authorized {
                let response: SimResponse =
                    host == .data
                    ? .error(status: 403, code: nil, message: "forbidden.")
                    : .error(status: 401, code: nil, message: "unauthorized.")
                return FaultStage.Outcome(response: response, injected: false)
            }
        }
        if host != .simulator {
            let rate = state.takeRateToken(count: true)
            if rate.limited {
                return FaultStage.Outcome(
                    response: .error(status: 429, code: 42_910_000, message: "too many requests."), injected: false)
            }
        }
        let context = RouteContext(
            request: request, market: market, clock: market.clockState(), hooks: market.currentHooks, server: state)
        return try await faults.process(request, hooks: context.hooks, market: market, state: state) { _ in
            do {
                return try await RouteTable.dispatch(context)
            } catch let error as APIError {
                return error.response
            }
        }
    }

    /// Whether `path` is one of the simulator's control endpoints, which are neither counted nor
    /// logged (its `/_sim/test/…` routes are, like any upstream path).
    static func isControl(_ path: String) -> Bool {
        path == "/_sim/stats" || path == "/_sim/requests" || path == "/_sim/faults"
    }

    /// The key id and secret a request carried (either may be empty), or nil when it had neither.
    static func credentialHeaders(_ request: SimRequest) -> (id: String, secret: String)? {
        let id = request.header("APCA-API-KEY-ID")
        let secret = request.header("APCA-API-SECRET-KEY")
        guard id != nil || secret != nil else { return nil }
        return (id ?? "", secret ?? "")
    }

    /// A stable hash of a key pair, as hex: tells keys apart in the request log without holding them.
    static func hash(_ pair: (id: String, secret: String)) -> String {
        let word = StableHash.combine(StableHash.fnv1a(pair.id), StableHash.fnv1a(pair.secret))
        let hex = String(word, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Converts to Hummingbird's response type.
    static func convert(_ response: SimResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in response.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: response.status)
        switch response.body {
        case .bytes(let bytes):
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .stream(let length, let write):
            return Response(status: status, headers: fields, body: ResponseBody(contentLength: length, write))
        }
    }
}
