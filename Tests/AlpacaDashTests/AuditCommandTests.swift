import AlpacaAPI
import AlpacaSimulator
import CurlTransport
import FaultInjection
import Foundation
import MarketMetrics
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// `alpaca-dash audit`, the real binary, over the audit trail of a real session: the pipeline
/// over libcurl against a faulted simulator.
@Suite(.timeLimit(.minutes(2)))
struct AuditCommandTests {
    @Test func auditOverARecordedSessionCountsWhatTheValidationPanelShowedAndWhatTheUpstreamServed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("alpaca-dash/audit.log")
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.faults = try FaultSpec.parse(
            "crossed=AAPL,stale:3600=MSFT,nan=TSLA,status:503%3/v2/stocks/snapshots,seed=7")
        let watchlist = ["AAPL", "MSFT", "TSLA", "NVDA", "SPY"]
        let journalCounts: [RuleID: Int]
        let upstreamRequests: Int
        do {
            let audit = AuditLog(url: url)
            let metrics = MetricsRegistry()
            let journal = PipelineJournal(audit: audit)
            (journalCounts, upstreamRequests) = try await SimulatedUpstream.with(configuration) { upstream in
                let url = upstream.server.baseURL
                var client = AlpacaClient.Configuration(hosts: AlpacaHosts(trading: url, data: url))
                client.retry = RetryPolicy(maxAttempts: 2, base: 0.01, cap: 0.02)
                let service = MarketDataService(
                    client: AlpacaClient(
                        configuration: client, transport: CurlTransport(),
                        observer: UpstreamObserver(metrics: metrics, audit: audit)),
                    metrics: metrics, journal: journal)
                for _ in 0..<8 { _ = try await service.quotes(watchlist, bypassCache: true) }
                audit.flush()
                return (journal.counts, upstream.server.stats.requestsTotal)
            }
        }
        #expect(journalCounts.values.reduce(0, +) > 8, "the faults must have produced rejections: \(journalCounts)")
        let output = try await BinaryRunner.run(["audit", "--json"], environment: ["XDG_STATE_HOME": folder.path])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let rejections = try #require(summary["rejections"] as? [String: Any])
        let byRule = try #require(rejections["by_rule"] as? [String: Int])
        #expect(byRule == Dictionary(uniqueKeysWithValues: journalCounts.map { ($0.key.rawValue, $0.value) }))
        #expect(rejections["total"] as? Int == journalCounts.values.reduce(0, +))
        let requests = try #require(summary["requests"] as? [String: Any])
        #expect(requests["total"] as? Int == upstreamRequests)
        let snapshots = try #require(
            (requests["by_endpoint"] as? [String: Any])?["GET /v2/stocks/snapshots"] as? [String: Any])
        #expect(((snapshots["by_status"] as? [String: Int])?["503"] ?? 0) >= 2)

        // A filter narrows the same trail: V003 rejections are AAPL's crossed quotes only.
        let crossed = try await BinaryRunner.run(
            ["audit", "--list", "--json", "--rule", "V003"], environment: ["XDG_STATE_HOME": folder.path])
        let lines = try HeadlessCommandTests.objects(crossed.stdout)
        #expect(lines.count == journalCounts[RuleID(rawValue: "V003")] ?? 0)
        #expect(lines.allSatisfy { $0["symbol"] as? String == "AAPL" })
    }

    @Test func noTrailIsAClearErrorAndABadSinceIsAUsageError() async throws {
        let missing = try await BinaryRunner.run(["audit"], environment: ["XDG_STATE_HOME": "/nonexistent-\(UUID())"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no audit trail at"))
        let bad = try await BinaryRunner.run(["audit", "--since", "yesterday"])
        #expect(bad.status == 2)
    }
}
