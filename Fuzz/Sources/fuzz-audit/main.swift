// fuzz-audit: the audit trail reader, `AuditReader.parse(_:into:)`, as `alpaca-dash audit` runs it
// over a file anyone could have edited; then the summary and every filter over what it accepted.
// Every line is a record or counted unreadable, never both; accepted values stay in range; the
// summary's totals equal the records it saw; a filter never matches more than no filter.
//
// Input: the file's bytes.

import FuzzSupport
import MarketModel
import Pipeline

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = ByteReader(data, count).bytes
    var contents = AuditReader.Contents()
    AuditReader.parse(bytes, into: &contents)
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).count
    require(contents.records.count + contents.unreadableLines == lines, "a line was lost or counted twice")
    for record in contents.records {
        if case .request(let request) = record.event {
            require(request.durationMilliseconds.isFinite && request.durationMilliseconds >= 0, "duration out of range")
            require(request.bytes >= 0, "negative bytes")
            require(request.status.map { (100...999).contains($0) } ?? true, "status out of range")
        }
    }
    let summary = AuditSummary(contents.records)
    require(summary.requests + summary.rejections == contents.records.count, "the summary lost a record")
    require(summary.byRule.values.reduce(0, +) == summary.rejections, "rule counts do not add up")
    require(
        summary.endpoints.values.reduce(0) { $0 + $1.requests } == summary.requests, "endpoint counts do not add up")
    require(summary.slowest.count <= AuditSummary.slowestCount, "too many slow requests kept")
    if let first = contents.records.first {
        let queries = [
            AuditQuery(since: first.time), AuditQuery(rule: RuleID(rawValue: "V009")), AuditQuery(symbol: "AAPL"),
            AuditQuery(endpoint: "/v2"),
        ]
        for query in queries {
            let narrowed = AuditSummary(contents.records, query: query)
            require(
                narrowed.requests <= summary.requests && narrowed.rejections <= summary.rejections, "a filter widened")
        }
    }
    return 0
}
