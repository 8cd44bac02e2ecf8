import Foundation
import MarketModel
import Pipeline
import Testing

/// Reading the audit trail back: every line `AuditLog` writes parses, anything else is counted
/// unreadable, and the query and summary count what they should.
struct AuditQueryTests {
    private static let time = Timestamp(seconds: 1_700_000_000)

    private static func scratch() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("audit-query-\(UUID().uuidString)/audit.log")
    }

    @Test func everyLineTheLogWritesReadsBackAsWritten() throws {
        let url = Self.scratch()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let log = AuditLog(url: url)
        let hostile = "\u{1B}]0;PWNED\u{07}\r\u{202E}\"quoted\"\\"
        log.recordRequest(
            endpoint: "GET /v2/stocks/snapshots", status: 200, bytes: 512, durationMilliseconds: 12.5,
            requestID: "abc", at: Self.time)
        log.recordRequest(
            endpoint: "GET /v2/clock", status: nil, bytes: 0, durationMilliseconds: 10_000, requestID: nil,
            at: Self.time.adding(seconds: 1))
        log.recordRejection(
            symbol: "AAPL", rule: RuleID(rawValue: "V003"), code: .dataValidationError, message: hostile,
            at: Self.time.adding(seconds: 2))
        log.flush()
        let contents = AuditReader.read(url)
        #expect(contents.unreadableLines == 0)
        #expect(contents.files == [url.path])
        #expect(
            contents.records == [
                AuditRecord(
                    time: Self.time,
                    event: .request(
                        AuditRequest(
                            endpoint: "GET /v2/stocks/snapshots", status: 200, bytes: 512, durationMilliseconds: 12.5,
                            requestID: "abc"))),
                AuditRecord(
                    time: Self.time.adding(seconds: 1),
                    event: .request(
                        AuditRequest(
                            endpoint: "GET /v2/clock", status: nil, bytes: 0, durationMilliseconds: 10_000,
                            requestID: nil))),
                AuditRecord(
                    time: Self.time.adding(seconds: 2),
                    event: .rejection(
                        AuditRejection(
                            symbol: "AAPL", rule: RuleID(rawValue: "V003"), code: "DATA_VALIDATION_ERROR",
                            message: hostile))),
            ])
    }

    @Test func theRotatedFileIsReadFirstAndForeignLinesAreCounted() throws {
        let url = Self.scratch()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let old = #"{"ts":"2023-11-14T22:13:20Z","kind":"request","endpoint":"GET /v2/clock","status":200}"#
        let new = #"{"ts":"2023-11-14T22:13:21Z","kind":"rejection","symbol":"MSFT","rule":"V009","code":"X"}"#
        let foreign = [
            "not json", #"{"ts":"2023-11-14T22:13:21Z","kind":"other"}"#, #"{"kind":"request","endpoint":"x"}"#,
            #"{"ts":"2023-11-14T22:13:21Z","kind":"request","endpoint":"x","status":7}"#,
            #"{"ts":"2023-11-14T22:13:21Z","kind":"request","endpoint":"x","duration_ms":-1}"#,
            #"{"ts":"0001-01-01T00:00:00Z","kind":"request","endpoint":"x"}"#, "[1,2]",
            #"{"ts":"2023-11-14T22:13:21Z","kind":"rejection","symbol":"A","rule":"V0"#,
        ]
        try Data((old + "\n").utf8).write(to: URL(fileURLWithPath: url.path + ".1"))
        try Data(([new] + foreign).joined(separator: "\n").utf8).write(to: url)
        let contents = AuditReader.read(url)
        #expect(contents.files == [url.path + ".1", url.path])
        #expect(contents.unreadableLines == foreign.count)
        #expect(contents.records.map(\.time) == [Self.time, Self.time.adding(seconds: 1)])
    }

    @Test func filtersCombineAndTheSummaryCountsByEndpointRuleAndSymbol() {
        func request(_ second: Double, _ endpoint: String, _ status: Int?, _ milliseconds: Double) -> AuditRecord {
            AuditRecord(
                time: Self.time.adding(seconds: second),
                event: .request(
                    AuditRequest(
                        endpoint: endpoint, status: status, bytes: 1, durationMilliseconds: milliseconds,
                        requestID: nil)))
        }
        func rejection(_ second: Double, _ symbol: String, _ rule: String) -> AuditRecord {
            AuditRecord(
                time: Self.time.adding(seconds: second),
                event: .rejection(AuditRejection(symbol: symbol, rule: RuleID(rawValue: rule), code: "C", message: "")))
        }
        let records = [
            request(0, "GET /v2/stocks/snapshots", 200, 10), request(1, "GET /v2/stocks/snapshots", 429, 30),
            request(2, "GET /v2/stocks/snapshots", nil, 20), request(3, "GET /v2/clock", 200, 5),
            rejection(4, "AAPL", "V003"), rejection(5, "AAPL", "V009"), rejection(6, "MSFT", "V009"),
        ]
        let all = AuditSummary(records)
        #expect(all.requests == 4 && all.rejections == 3)
        let snapshots = all.endpoints["GET /v2/stocks/snapshots"]
        #expect(snapshots?.requests == 3 && snapshots?.errors == 2 && snapshots?.rateLimited == 1)
        #expect(snapshots?.medianMilliseconds == 20 && snapshots?.maximumMilliseconds == 30)
        #expect(snapshots?.byStatus == [200: 1, 429: 1, nil: 1])
        #expect(all.byRule == [RuleID(rawValue: "V003"): 1, RuleID(rawValue: "V009"): 2])
        #expect(all.bySymbol == ["AAPL": 2, "MSFT": 1])
        #expect(all.slowest.map(\.request.durationMilliseconds) == [30, 20, 10, 5])
        #expect(all.first == Self.time && all.last == Self.time.adding(seconds: 6))

        let v009 = AuditSummary(records, query: AuditQuery(rule: RuleID(rawValue: "v009")))
        #expect(v009.requests == 0 && v009.rejections == 2 && v009.bySymbol == ["AAPL": 1, "MSFT": 1])
        let aapl = AuditSummary(records, query: AuditQuery(rule: RuleID(rawValue: "V009"), symbol: "aapl"))
        #expect(aapl.rejections == 1)
        let clock = AuditSummary(records, query: AuditQuery(endpoint: "/v2/clock"))
        #expect(clock.requests == 1 && clock.rejections == 0)
        let recent = AuditSummary(records, query: AuditQuery(since: Self.time.adding(seconds: 3)))
        #expect(recent.requests == 1 && recent.rejections == 3)
    }
}
