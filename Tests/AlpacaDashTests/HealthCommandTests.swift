import AlpacaSimulator
import FaultInjection
import Foundation
import MarketModel
import SimulatorTestSupport
import Testing

/// `alpaca-dash health`, the real binary, against a simulator: one line per interval with the
/// figures the simulator served, and alert lines and `--on-alert` runs as rules cross.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct HealthCommandTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("health-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent("config/alpaca-dash"), withIntermediateDirectories: true)
        return url
    }

    @Test func linesPerIntervalCountWhatTheSimulatorServedAndAlertsReachOnAlertWithoutCredentials() async throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data(#"{"alerts": ["AAPL last > 0.01", "rejections V003 >= 1/min"]}"#.utf8).write(
            to: home.appendingPathComponent("config/alpaca-dash/config.json"))
        let received = home.appendingPathComponent("alerts.ndjson")
        let environmentSeen = home.appendingPathComponent("env.txt")
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .system
        configuration.market = .open
        configuration.keys = SimulatorKeys(id: "PKHEALTH", secret: "SECRETHEALTH123")
        configuration.faults = try FaultSpec.parse("crossed=MSFT")
        try await SimulatedUpstream.with(configuration) { upstream in
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(
                [
                    "health", "--json", "--interval", "2s", "--for", "8s", "--watchlist", "AAPL,MSFT,SPY",
                    "--data-url", url, "--trading-url", url,
                    "--on-alert", "cat >> '\(received.path)'; env >> '\(environmentSeen.path)'",
                ],
                environment: [
                    "XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "APCA_API_KEY_ID": "PKHEALTH",
                    "APCA_API_SECRET_KEY": "SECRETHEALTH123",
                ])
            #expect(output.status == 0, "\(output.stderr)")
            let lines = try HeadlessCommandTests.objects(output.stdout)
            let health = lines.filter { $0["type"] as? String == "health" }
            let alerts = lines.filter { $0["type"] as? String == "alert" }
            #expect(health.count == 4, "\(output.stdout)")
            // The last line counted every request the simulator served, bar those still in flight
            // when the process stopped (one refresh of each kind at most).
            let last = try #require(health.last)
            let requests = try #require(last["requests"] as? [String: Any])
            let counted = try #require(requests["total"] as? Int)
            let served = upstream.server.stats.requestsTotal
            #expect(counted > 0 && counted <= served && served - counted <= 3, "\(counted) of \(served)")
            let rejections = try #require(last["rejections"] as? [String: Any])
            #expect(((rejections["by_rule"] as? [String: Int])?["V003"] ?? 0) >= 1)
            // MSFT's crossed quotes never pass: it has no score and is named as such.
            let quality = try #require(last["quality"] as? [String: Any])
            #expect((quality["worst"] as? [[String: Any]])?.compactMap { $0["symbol"] as? String } == ["AAPL", "SPY"])
            #expect(quality["unscored"] as? [String] == ["MSFT"])
            // Both rules fired once (nothing resolved within 8 s), printed and handed to --on-alert.
            #expect(
                alerts.compactMap { $0["rule"] as? String }.sorted() == [
                    "AAPL last > 0.01", "rejections V003 >= 1/min",
                ])
            #expect(alerts.allSatisfy { $0["state"] as? String == "firing" })
            #expect(!output.stdout.contains("SECRETHEALTH123") && !output.stderr.contains("SECRETHEALTH123"))
        }
        // --on-alert runs finish shortly after the process exits.
        var handed: [[String: Any]] = []
        for _ in 0..<50 {
            if let text = try? String(contentsOf: received, encoding: .utf8) {
                handed = try HeadlessCommandTests.objects(text)
                if handed.count == 2 { break }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(handed.count == 2)
        #expect(Set(handed.compactMap { $0["rule"] as? String }) == ["AAPL last > 0.01", "rejections V003 >= 1/min"])
        let environment = try String(contentsOf: environmentSeen, encoding: .utf8)
        #expect(!environment.contains("APCA_") && !environment.contains("SECRETHEALTH123"))
        #expect(environment.contains("XDG_CONFIG_HOME="))
    }

    @Test func aBadAlertRuleStopsWithItsLineAndStatus78() async throws {
        let home = try Self.folder()
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("{\n  \"alerts\": [\n    \"AAPL last > 200\",\n    \"AAPL last >\"\n  ]\n}\n".utf8).write(
            to: home.appendingPathComponent("config/alpaca-dash/config.json"))
        let output = try await BinaryRunner.run(
            ["health", "--demo", "--for", "1s"],
            environment: ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path])
        #expect(output.status == 78)
        #expect(output.stderr.contains("alerts[1] (line 4): the rule is not a rule"), "\(output.stderr)")
    }
}
