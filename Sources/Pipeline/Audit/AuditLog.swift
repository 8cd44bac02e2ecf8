import Dispatch
public import Foundation
public import MarketModel
import Synchronization

/// The audit trail: one JSON line per upstream request and per rejection, appended to a private file.
///
/// - The file is created with mode 0600 whatever the umask (and an existing file is set to 0600),
///   in a directory created with mode 0700 if missing; it is rotated to `<name>.1` when the next
///   line would take it past ``maximumBytes``.
/// - Recording never blocks on the disk and never throws: the line is queued under a short lock and
///   written by a background queue. If the queue is over ``maximumPendingBytes`` or the file cannot
///   be written (missing permission, disk full), lines are dropped and counted in ``droppedLines``.
/// - Only the typed fields below can be logged: there is no free-form header or dictionary, so a
///   credential can only get in if a caller passes one as an endpoint, request id or message.
public final class AuditLog: Sendable {
    /// The default rotation size: 10 MB.
    public static let defaultMaximumBytes = 10 * 1024 * 1024

    /// The file written.
    public let url: URL
    /// The size at which the file is rotated.
    public let maximumBytes: Int
    /// The most bytes queued for writing before new lines are dropped.
    public let maximumPendingBytes: Int

    private struct Pending {
        var lines: [String] = []
        var bytes = 0
        var isDrainScheduled = false
    }

    private let pending = Mutex(Pending())
    private let file: Mutex<AuditFile>
    private let writer = DispatchQueue(label: "alpaca-dash.audit-log", qos: .utility)
    private let dropped = Atomic<Int>(0)
    private let written = Atomic<Int>(0)

    /// Creates a log writing to `url`; nothing touches the disk until the first line.
    ///
    /// - Parameters:
    ///   - url: The file, usually ``defaultURL(environment:)``.
    ///   - maximumBytes: The rotation size; 10 MB by default.
    ///   - maximumPendingBytes: The most bytes queued before lines are dropped; 4 MB by default.
    public init(url: URL, maximumBytes: Int = AuditLog.defaultMaximumBytes, maximumPendingBytes: Int = 4 << 20) {
        precondition(maximumBytes > 0 && maximumPendingBytes > 0, "sizes must be positive")
        self.url = url
        self.maximumBytes = maximumBytes
        self.maximumPendingBytes = maximumPendingBytes
        file = Mutex(AuditFile(path: url.path, maximumBytes: maximumBytes))
    }

    deinit {
        file.withLock { $0.closeFile() }
    }

    /// `$XDG_STATE_HOME/alpaca-dash/audit.log`, or `~/.local/state/alpaca-dash/audit.log`.
    ///
    /// A relative `XDG_STATE_HOME` is ignored, as the XDG base-directory specification says.
    /// - Parameter environment: The process environment.
    /// - Returns: The audit file's URL.
    public static func defaultURL(environment: [String: String]) -> URL {
        let state: URL
        if let base = environment["XDG_STATE_HOME"], base.hasPrefix("/") {
            state = URL(fileURLWithPath: base, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            state = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/state")
        }
        return state.appendingPathComponent("alpaca-dash/audit.log")
    }

    /// Lines dropped because the queue was full or the file could not be written.
    public var droppedLines: Int { dropped.load(ordering: .relaxed) }

    /// Lines written to the file.
    public var writtenLines: Int { written.load(ordering: .relaxed) }

    /// Records one upstream request.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint label, for example `GET /v2/stocks/snapshots` (never a URL with a query).
    ///   - status: The HTTP status, or nil when no response came.
    ///   - bytes: The response body size.
    ///   - durationMilliseconds: How long the request took.
    ///   - requestID: The upstream's `X-Request-ID`, if any.
    ///   - time: When the request ended.
    public func recordRequest(
        endpoint: String, status: Int?, bytes: Int, durationMilliseconds: Double, requestID: String?,
        at time: Timestamp
    ) {
        var line = JSONLine()
        line.add("ts", time.rfc3339)
        line.add("kind", "request")
        line.add("endpoint", endpoint)
        line.add("status", status)
        line.add("bytes", bytes)
        line.add("duration_ms", durationMilliseconds)
        line.add("request_id", requestID)
        enqueue(line.finished())
    }

    /// Records one rejection by the pipeline.
    ///
    /// - Parameters:
    ///   - symbol: The symbol rejected.
    ///   - rule: The rule that fired.
    ///   - code: The error class.
    ///   - message: What was wrong (escaped, so hostile text stays on one inert line).
    ///   - time: When the rejection happened.
    public func recordRejection(symbol: String, rule: RuleID, code: FailureCode, message: String, at time: Timestamp) {
        var line = JSONLine()
        line.add("ts", time.rfc3339)
        line.add("kind", "rejection")
        line.add("symbol", symbol)
        line.add("rule", rule.rawValue)
        line.add("code", code.rawValue)
        line.add("message", message)
        enqueue(line.finished())
    }

    /// Records one rejection from its record.
    ///
    /// - Parameter record: The rejection.
    public func recordRejection(_ record: ValidationFailureRecord) {
        recordRejection(
            symbol: record.symbol, rule: record.rule, code: record.code, message: record.message, at: record.time)
    }

    /// Blocks until every line recorded so far is written or dropped (for shutdown and tests).
    public func flush() {
        writer.sync { drain() }
    }

    private func enqueue(_ line: String) {
        let length = line.utf8.count
        let outcome: (accepted: Bool, schedule: Bool) = pending.withLock { pending in
            guard pending.bytes + length <= maximumPendingBytes else { return (false, false) }
            pending.lines.append(line)
            pending.bytes += length
            defer { pending.isDrainScheduled = true }
            return (true, !pending.isDrainScheduled)
        }
        if !outcome.accepted { dropped.add(1, ordering: .relaxed) }
        if outcome.schedule { writer.async { self.drain() } }
    }

    /// Writes everything queued; runs on the writer queue only.
    private func drain() {
        let lines = pending.withLock { pending in
            defer { pending = Pending() }
            return pending.lines
        }
        guard !lines.isEmpty else { return }
        let failed = file.withLock { $0.append(lines) }
        if failed > 0 { dropped.add(failed, ordering: .relaxed) }
        written.add(lines.count - failed, ordering: .relaxed)
    }
}
