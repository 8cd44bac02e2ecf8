import Foundation
import MarketModel
import Pipeline
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct AuditLogTests {
    private static let time = Timestamp(seconds: 1_700_000_000)

    /// A fresh directory under the system temporary directory (not created yet).
    private static func scratchDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("audit-log-tests-\(UUID().uuidString)")
    }

    private static func lines(of url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    private static func object(_ line: String) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    private static func mode(of path: String) -> mode_t {
        var status = stat()
        #expect(stat(path, &status) == 0)
        return status.st_mode & 0o777
    }

    private static func recordRequests(_ count: Int, to log: AuditLog, first: Int = 0) {
        for index in first..<(first + count) {
            log.recordRequest(
                endpoint: "GET /v2/stocks/snapshots", status: 200, bytes: index, durationMilliseconds: 12.5,
                requestID: "req-\(index)", at: time)
        }
    }

    @Test func linesAreJSONWithTheDocumentedFields() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = AuditLog(url: directory.appendingPathComponent("audit.log"))
        log.recordRequest(
            endpoint: "GET /v2/stocks/snapshots", status: 200, bytes: 5_120, durationMilliseconds: 41.25,
            requestID: "0a1b2c", at: Self.time)
        log.recordRequest(
            endpoint: "GET /v2/clock", status: nil, bytes: 0, durationMilliseconds: .infinity, requestID: nil,
            at: Self.time)
        log.recordRejection(
            ValidationFailureRecord(
                time: Self.time, symbol: "AAPL", rule: RuleID(rawValue: "V003"), code: .dataValidationError,
                message: "bid 101.5 > ask 101.2"))
        log.flush()

        let lines = try Self.lines(of: log.url)
        #expect(lines.count == 3)
        let request = try Self.object(lines[0])
        #expect(Set(request.keys) == ["ts", "kind", "endpoint", "status", "bytes", "duration_ms", "request_id"])
        #expect(request["ts"] as? String == "2023-11-14T22:13:20Z")
        #expect(request["kind"] as? String == "request")
        #expect(request["endpoint"] as? String == "GET /v2/stocks/snapshots")
        #expect(request["status"] as? Int == 200)
        #expect(request["bytes"] as? Int == 5_120)
        #expect(request["duration_ms"] as? Double == 41.25)
        #expect(request["request_id"] as? String == "0a1b2c")
        #expect(lines[0].hasPrefix(#"{"ts":"2023-11-14T22:13:20Z","kind":"request","endpoint":"#))

        let failed = try Self.object(lines[1])
        #expect(failed["status"] is NSNull)
        #expect(failed["request_id"] is NSNull)
        #expect(failed["duration_ms"] is NSNull, "a non-finite duration is null, not invalid JSON")

        let rejection = try Self.object(lines[2])
        #expect(Set(rejection.keys) == ["ts", "kind", "symbol", "rule", "code", "message"])
        #expect(rejection["kind"] as? String == "rejection")
        #expect(rejection["symbol"] as? String == "AAPL")
        #expect(rejection["rule"] as? String == "V003")
        #expect(rejection["code"] as? String == "DATA_VALIDATION_ERROR")
        #expect(rejection["message"] as? String == "bid 101.5 > ask 101.2")
        #expect(log.writtenLines == 3)
        #expect(log.droppedLines == 0)
    }

    /// The file is 0600 and its new directory 0700.
    ///
    /// The process umask is left alone (it is process-wide and suites run in parallel); the test
    /// runner's default is 022. Either way open(2) gets 0600 and fchmod(2), which ignores the umask,
    /// forces it.
    @Test func createsTheDirectoryAndAPrivateFile() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("state/alpaca-dash/audit.log")
        let log = AuditLog(url: url)
        Self.recordRequests(1, to: log)
        log.flush()
        #expect(Self.mode(of: url.path) == 0o600)
        #expect(Self.mode(of: url.deletingLastPathComponent().path) == 0o700)
    }

    @Test func tightensAnExistingLooseFileTo0600() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("audit.log")
        #expect(
            FileManager.default.createFile(
                atPath: url.path, contents: Data("{\"old\":1}\n".utf8), attributes: [.posixPermissions: 0o666]))
        #expect(Self.mode(of: url.path) != 0o600)
        let log = AuditLog(url: url)
        Self.recordRequests(1, to: log)
        log.flush()
        #expect(Self.mode(of: url.path) == 0o600)
        #expect(try Self.lines(of: url).count == 2, "the log appends")
    }

    @Test func rotatesBeforePassingTheSizeLimit() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("audit.log")
        let log = AuditLog(url: url, maximumBytes: 1_000)
        Self.recordRequests(10, to: log)  // each line is 140-odd bytes: one rotation
        log.flush()

        let rotated = URL(fileURLWithPath: url.path + ".1")
        let older = try Self.lines(of: rotated)
        let newer = try Self.lines(of: url)
        #expect(try FileManager.default.attributesOfItem(atPath: rotated.path)[.size] as? Int ?? 0 <= 1_000)
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0 <= 1_000)
        let ids = try (older + newer).map { try Self.object($0)["request_id"] as? String }
        #expect(ids == (0..<10).map { "req-\($0)" }, "nothing lost, order kept")
        #expect(Self.mode(of: url.path) == 0o600)
    }

    @Test func rotationReplacesTheOlderFile() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("audit.log")
        let log = AuditLog(url: url, maximumBytes: 1_000)
        for batch in 0..<5 {
            Self.recordRequests(10, to: log, first: batch * 10)
            log.flush()
        }
        let older = try Self.lines(of: URL(fileURLWithPath: url.path + ".1"))
        let newer = try Self.lines(of: url)
        let ids = try (older + newer).map { try Self.object($0)["request_id"] as? String }
        #expect(ids.count < 50)
        #expect(ids == (50 - ids.count..<50).map { "req-\($0)" }, "the newest lines, in order")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == ["audit.log", "audit.log.1"])
        #expect(log.droppedLines == 0)
    }

    @Test func unwritableLocationDegradesSilentlyAndCountsDrops() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A regular file where a directory should be: unwritable even for root, unlike chmod 000.
        let blocker = directory.appendingPathComponent("not-a-directory")
        #expect(FileManager.default.createFile(atPath: blocker.path, contents: Data()))
        let log = AuditLog(url: blocker.appendingPathComponent("alpaca-dash/audit.log"))
        Self.recordRequests(3, to: log)
        log.recordRejection(
            symbol: "AAPL", rule: RuleID(rawValue: "B001"), code: .businessRuleViolation, message: "x", at: Self.time)
        log.flush()
        #expect(log.droppedLines == 4)
        #expect(log.writtenLines == 0)
    }

    @Test func fullQueueDropsAndCounts() {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = AuditLog(url: directory.appendingPathComponent("audit.log"), maximumPendingBytes: 1)
        Self.recordRequests(2, to: log)
        log.flush()
        #expect(log.droppedLines == 2)
    }

    @Test func hostileMessagesStayOneInertLineAndRoundTrip() throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = AuditLog(url: directory.appendingPathComponent("audit.log"))
        let hostile =
            "say \"hi\" \\ back\nslash\r\t\u{0}\u{1}\u{8}\u{C}\u{1B}[31mred\u{1B}]0;title\u{7}\u{7F}\u{85}\u{9B}"
            + "\u{2028}\u{2029}\u{202E}evil 🚀 ünïcode \",\"kind\":\"forged"
        log.recordRejection(
            symbol: "A\"B\n", rule: RuleID(rawValue: "V\u{1B}9"), code: .qaError, message: hostile, at: Self.time)
        log.flush()

        let data = try Data(contentsOf: log.url)
        #expect(data.filter { $0 == UInt8(ascii: "\n") }.count == 1, "one line")
        #expect(data.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "no control byte on disk")
        let line = try #require(String(data: data, encoding: .utf8)).dropLast()
        #expect(!line.unicodeScalars.contains { ("\u{80}"..."\u{9F}").contains($0) || $0 == "\u{2028}" })
        let object = try Self.object(String(line))
        #expect(object["message"] as? String == hostile)
        #expect(object["symbol"] as? String == "A\"B\n")
        #expect(object["rule"] as? String == "V\u{1B}9")
        #expect(object["kind"] as? String == "rejection", "the forged field did not take")
        #expect(object.count == 6)
    }

    @Test func concurrentWritersProduceWholeLines() async throws {
        let directory = Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = AuditLog(url: directory.appendingPathComponent("audit.log"))
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { Self.recordRequests(250, to: log, first: task * 250) }
            }
        }
        log.flush()
        let lines = try Self.lines(of: log.url)
        #expect(lines.count == 2_000)
        let ids = Set(try lines.map { try Self.object($0)["request_id"] as? String })
        #expect(ids.count == 2_000)
        #expect(log.writtenLines == 2_000)
    }

    @Test func defaultURLFollowsXDG() {
        #expect(
            AuditLog.defaultURL(environment: ["XDG_STATE_HOME": "/var/state", "HOME": "/home/t"]).path
                == "/var/state/alpaca-dash/audit.log")
        #expect(
            AuditLog.defaultURL(environment: ["HOME": "/home/t"]).path
                == "/home/t/.local/state/alpaca-dash/audit.log")
        #expect(
            AuditLog.defaultURL(environment: ["XDG_STATE_HOME": "relative/state", "HOME": "/home/t"]).path
                == "/home/t/.local/state/alpaca-dash/audit.log", "a relative XDG_STATE_HOME is ignored")
        #expect(AuditLog.defaultURL(environment: [:]).path.hasSuffix("/.local/state/alpaca-dash/audit.log"))
    }

    @Test func aSymlinkPlantedAtThePathIsNeverWrittenThrough() throws {
        let directory = Self.scratchDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("authorized_keys")
        try Data("original\n".utf8).write(to: target)
        let url = directory.appendingPathComponent("audit.log")
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
        let log = AuditLog(url: url)
        Self.recordRequests(3, to: log)
        log.flush()
        #expect(try String(contentsOf: target, encoding: .utf8) == "original\n", "the link's target is untouched")
        #expect(log.droppedLines >= 3, "the lines are counted as dropped, not written elsewhere")
    }

    @Test func jsonLinesEscapeBiDiAndZeroWidthControlsToo() throws {
        var line = JSONLine()
        let hostile = "a\u{202E}b\u{200B}c\u{2066}d\u{FEFF}e\u{E0001}f\u{1B}[2J\u{9B}g\u{2028}h"
        line.add("name", hostile)
        let text = line.finished()
        #expect(!text.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(text.contains("\\u202e") && text.contains("\\u200b") && text.contains("\\udb40\\udc01"))
        // Still the same string to any JSON reader.
        let parsed = try Self.object(String(text.dropLast()))
        #expect(parsed["name"] as? String == hostile)
    }
}
