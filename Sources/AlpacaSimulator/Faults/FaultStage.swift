/// The single stage every request passes through on its way to a route and back.
///
/// Today it serves scripted errors (``SimulatedMarket/setErrorMessage(path:status:message:)``).
/// It is the place where a later fault layer delays, resets, truncates or corrupts responses:
/// it sees the parsed request before routing and the complete ``SimResponse`` afterwards.
struct FaultStage: Sendable {
    /// The outcome of the stage: the response and whether a fault produced or altered it.
    struct Outcome: Sendable {
        /// The response to send.
        var response: SimResponse
        /// Whether it counts as an injected fault.
        var injected: Bool
    }

    /// Runs `route` for `request`, unless a scripted fault answers first.
    func process(
        _ request: SimRequest, hooks: MarketHooks, market: SimulatedMarket,
        route: (SimRequest) async throws -> SimResponse
    ) async throws -> Outcome {
        if let scripted = hooks.errors[request.path] {
            let code = APIError.defaultCode(for: scripted.status)
            return Outcome(
                response: .error(status: scripted.status, code: code, message: scripted.message), injected: true)
        }
        var response = try await route(request)
        if market.takeTruncation(path: request.path), case .bytes(let body) = response.body {
            response.body = .bytes(Array(body.prefix(body.count / 2)))
            return Outcome(response: response, injected: true)
        }
        return Outcome(response: response, injected: false)
    }
}
