import Hummingbird
import MarketModel
import NIOCore

/// Routes under `/_sim/test/` for transport tests: delays, hangs, slow and sized bodies, redirects,
/// scripted statuses and header echo.
enum TransportTestRoutes {
    /// The body `{"ok": true}`.
    ///
    /// Computed: a stored static of this indirect enum showed up as a leak under LeakSanitizer
    /// (scripts/sanitize.sh).
    static var ok: JSONValue { .object(["ok": .bool(true)]) }

    /// Dispatches `/_sim/test/<name>…`.
    static func route(_ context: RouteContext, _ rest: ArraySlice<String>) async throws -> SimResponse {
        let query = context.dataQuery
        switch (rest.first, rest.count) {
        case ("delay", 1):
            let ms = try query.int("ms", default: 0, range: 0...600_000)
            try await pause(milliseconds: ms, context: context)
            return .json(ok)
        case ("hang", 1):
            try await pause(milliseconds: 60_000, context: context)
            return .json(ok)
        case ("drip", 1):
            let bytes = try query.int("bytes", default: 16, range: 0...10_000_000)
            let interval = try query.int("interval_ms", default: 1000, range: 0...60_000)
            let body = filler(count: bytes)
            let server = context.server
            return SimResponse(
                status: 200, headers: [("Content-Type", "application/json")],
                body: .stream(contentLength: bytes) { writer in
                    for byte in body {
                        if server.isStopping { return }
                        try await writer.write(ByteBuffer(bytes: [byte]))
                        if interval > 0 { try await Task.sleep(for: .milliseconds(interval)) }
                    }
                    try await writer.finish(nil)
                })
        case ("bytes", 1):
            let count = try query.int("n", default: 0, range: 0...200_000_000)
            return SimResponse(
                status: 200, headers: [("Content-Type", "application/json")], body: .bytes(filler(count: count)))
        case ("redirect", 1):
            let target = query.string("to") ?? "/"
            return SimResponse(status: 302, headers: [("Location", target)], body: .bytes([]))
        case ("echo_headers", 1):
            var map: [String: JSONValue] = [:]
            for (name, value) in context.request.headers {
                let key = name.lowercased()
                if case .string(let existing) = map[key] {
                    map[key] = .string(existing + ", " + value)
                } else {
                    map[key] = .string(value)
                }
            }
            return .json(.object(map))
        case ("status", 2):
            return try scriptedStatus(context, code: rest[rest.startIndex + 1])
        default:
            throw APIError.notFound("not found")
        }
    }

    /// `status/{code}?key=&times=&reset_in=&reset=&request_id=&retry_after=`: a scripted status.
    ///
    /// `code` for the first `times` calls, then 200. `reset` sends its text as `X-RateLimit-Reset` verbatim (with `Remaining: 0`), and
    /// `request_id` as `X-Request-ID`.
    private static func scriptedStatus(_ context: RouteContext, code: String) throws -> SimResponse {
        let query = context.dataQuery
        guard let status = Int(code), (100...599).contains(status) else { throw query.invalid("invalid status") }
        let key = query.string("key") ?? ""
        let times = try query.int("times", default: Int.max, range: 0...Int.max)
        let previous = context.server.nextStatusCall(key: "\(status)|\(key)")
        guard previous < times else { return .json(ok) }
        var response = SimResponse.error(
            status: status, code: APIError.defaultCode(for: status), message: "simulated status \(status)")
        let resetIn = try query.int("reset_in", default: -1, range: -1...86_400)
        if resetIn >= 0 {
            let reset = Timestamp.now().wholeSeconds + Int64(resetIn)
            response.headers.append(("X-RateLimit-Reset", String(reset)))
            response.headers.append(("X-RateLimit-Remaining", "0"))
        }
        if let raw = query.string("reset") {
            response.headers.append(("X-RateLimit-Reset", raw))
            response.headers.append(("X-RateLimit-Remaining", "0"))
            response.headers.append(("X-RateLimit-Limit", "200"))
        }
        if let requestID = query.string("request_id") {
            response.headers.append(("X-Request-ID", requestID))
        }
        if let retryAfter = query.string("retry_after") {
            response.headers.append(("Retry-After", retryAfter))
        }
        return response
    }

    /// Sleeps in short slices so `stop()` and cancellation end it promptly.
    private static func pause(milliseconds: Int, context: RouteContext) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(milliseconds))
        while clock.now < deadline {
            if context.server.isStopping { return }
            try Task.checkCancellation()
            let left = deadline - clock.now
            try await Task.sleep(for: min(left, .milliseconds(100)))
        }
    }

    /// `count` bytes of valid JSON when possible: a string literal `"aaa…"`.
    static func filler(count: Int) -> [UInt8] {
        guard count >= 2 else { return Array(repeating: UInt8(ascii: "a"), count: count) }
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
        bytes[0] = UInt8(ascii: "\"")
        bytes[count - 1] = UInt8(ascii: "\"")
        return bytes
    }
}
