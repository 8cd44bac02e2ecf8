/// The simulator's own endpoints under `/_sim`.
enum SimRoutes {
    /// `GET /_sim/stats`.
    static func stats(_ context: RouteContext) -> SimResponse {
        let stats = context.server.stats
        var byPath: [String: JSONValue] = [:]
        for (path, count) in stats.requestsByPath { byPath[path] = .int(count) }
        var byStatus: [String: JSONValue] = [:]
        for (status, count) in stats.responsesByStatus { byStatus[String(status)] = .int(count) }
        return .json(
            .object([
                "connections_accepted": .int(stats.connectionsAccepted), "requests_by_path": .object(byPath),
                "responses_by_status": .object(byStatus), "faults_injected": .int(stats.faultsInjected),
                "requests_total": .int(stats.requestsTotal),
            ]))
    }
}
