import FaultInjection
import Foundation

/// The simulator's own endpoints under `/_sim`.
enum SimRoutes {
    /// `GET /_sim/stats`.
    static func stats(_ context: RouteContext) -> SimResponse {
        let stats = context.server.stats
        var byPath: [String: JSONValue] = [:]
        for (path, count) in stats.requestsByPath { byPath[path] = .int(count) }
        var byStatus: [String: JSONValue] = [:]
        for (status, count) in stats.responsesByStatus { byStatus[String(status)] = .int(count) }
        var byKind: [String: JSONValue] = [:]
        for (kind, count) in stats.faultsByKind { byKind[kind] = .int(count) }
        var byType: [String: JSONValue] = [:]
        for (type, count) in stats.streamMessagesByType { byType[type] = .int(count) }
        var byCode: [String: JSONValue] = [:]
        for (code, count) in stats.streamErrorsByCode { byCode[String(code)] = .int(count) }
        return .json(
            .object([
                "connections_accepted": .int(stats.connectionsAccepted), "requests_by_path": .object(byPath),
                "responses_by_status": .object(byStatus), "faults_injected": .int(stats.faultsInjected),
                "requests_total": .int(stats.requestsTotal), "faults_by_kind": .object(byKind),
                "stream_connections": .int(stats.streamConnections), "stream_messages_by_type": .object(byType),
                "stream_errors_by_code": .object(byCode),
            ]))
    }

    /// `GET /_sim/requests` (the last requests, oldest first; `?since=EPOCH_SECONDS` for those that
    /// arrived after a time) and `DELETE /_sim/requests` (empties the log).
    static func requests(_ context: RouteContext) -> SimResponse {
        let log = context.server.requestLog
        if context.request.method == "DELETE" { log.clear() }
        let since = context.request.query["since"].flatMap(Double.init) ?? -.infinity
        let records = log.records.filter { $0.time > since }.map { record -> JSONValue in
            .object([
                "time": .number(record.time), "method": .string(record.method), "path": .string(record.path),
                "query": .string(record.query), "status": .int(record.status),
                "carried_credentials": .bool(record.carriedCredentials),
                "credential_hash": .string(record.credentialHash), "fault_injected": .bool(record.faultInjected),
            ])
        }
        return .json(.object(["requests": .array(records)]))
    }

    /// `GET|POST|DELETE /_sim/faults`: the spec in force; replace it (body: a spec); remove it.
    static func faults(_ context: RouteContext) throws(APIError) -> SimResponse {
        let layer = context.server.faults
        switch context.request.method {
        case "POST":
            let text = String(decoding: context.request.body, as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            do {
                layer.set(try FaultSpec.parse(text))
            } catch {
                throw APIError(status: 422, code: 42_210_000, message: error.description)
            }
        case "DELETE":
            layer.set(nil)
        case "GET", "HEAD":
            break
        default:
            throw APIError(status: 405, code: nil, message: "method not allowed")
        }
        return .json(.object(["faults": .string(layer.spec?.description)]))
    }
}
