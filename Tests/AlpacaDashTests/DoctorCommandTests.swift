import AlpacaSimulator
import Foundation
import MarketModel
import SimulatorTestSupport
import Testing

/// `alpaca-dash doctor`, the real binary, against simulators set up to fail each check.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DoctorCommandTests {
    static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]

    /// Runs `doctor --json` against the simulator and returns the exit status and the checks by name.
    static func doctor(
        _ configuration: SimulatorConfiguration, _ arguments: [String] = [], environment: [String: String] = [:]
    ) async throws -> (status: Int32, checks: [String: [String: Any]], output: BinaryRunner.Output) {
        try await SimulatedUpstream.with(configuration) { upstream in
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(
                ["doctor", "--json", "--data-url", url, "--trading-url", url] + arguments,
                environment: terminal.merging(environment) { _, new in new })
            var checks: [String: [String: Any]] = [:]
            for line in try HeadlessCommandTests.objects(output.stdout) {
                checks[try #require(line["check"] as? String)] = line
            }
            return (output.status, checks, output)
        }
    }

    static func status(_ checks: [String: [String: Any]], _ name: String) -> String? {
        checks[name]?["status"] as? String
    }

    @Test func everyCheckPassesAgainstADefaultSimulator() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .system
        let (status, checks, output) = try await Self.doctor(configuration)
        #expect(status == 0, "\(output.stdout)\(output.stderr)")
        #expect(checks.count == 12)
        for (name, check) in checks where name != "stream host" {
            #expect(check["status"] as? String == "ok", "\(name): \(check)")
        }
        #expect(Self.status(checks, "stream host") == "skip")
    }

    @Test func aSimulatorThatRefusesSIPAndOPRAWarnsAndFailsWhenSIPWasAskedFor() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .system
        configuration.entitledFeeds = ["iex", "indicative"]
        let (status, checks, _) = try await Self.doctor(configuration)
        #expect(status == 1)
        #expect(Self.status(checks, "stock feed") == "warn")
        #expect(Self.status(checks, "options feed") == "warn")
        #expect((checks["stock feed"]?["detail"] as? String)?.contains("IEX only") == true)
        #expect((checks["stock feed"]?["detail"] as? String)?.contains("403") == true)
        let asked = try await Self.doctor(configuration, ["--feed", "sip"])
        #expect(asked.status == 4)
        #expect(Self.status(asked.checks, "stock feed") == "fail")
        #expect((asked.checks["stock feed"]?["fix"] as? String)?.contains("--feed iex") == true)
    }

    @Test func aSkewedServerClockWarnsWithinTheToleranceAndFailsPastIt() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .skewed(seconds: 120)
        let far = try await Self.doctor(configuration)
        #expect(far.status == 4)
        #expect(Self.status(far.checks, "clock skew") == "fail")
        let detail = try #require(far.checks["clock skew"]?["detail"] as? String)
        #expect(detail.contains("ahead of") && detail.contains("V008"), "\(detail)")
        configuration.clock = .skewed(seconds: -3)
        let near = try await Self.doctor(configuration)
        #expect(Self.status(near.checks, "clock skew") == "warn")
        #expect((near.checks["clock skew"]?["detail"] as? String)?.contains("behind") == true)
    }

    @Test func rejectedKeysFailWithExitFourAndTheSecretNeverAppears() async throws {
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .system
        configuration.keys = SimulatorKeys(id: "PKDOCTOR", secret: "right")
        let canary = "CANARY" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        let (status, checks, output) = try await Self.doctor(
            configuration, environment: ["APCA_API_KEY_ID": "PKDOCTOR", "APCA_API_SECRET_KEY": canary])
        #expect(status == 4)
        #expect(Self.status(checks, "keys") == "fail")
        #expect((checks["keys"]?["detail"] as? String)?.contains("401") == true)
        #expect(!output.stdout.contains(canary) && !output.stderr.contains(canary))
        let right = try await Self.doctor(
            configuration, environment: ["APCA_API_KEY_ID": "PKDOCTOR", "APCA_API_SECRET_KEY": "right"])
        #expect(Self.status(right.checks, "keys") == "ok")
        #expect(right.status == 0)
    }

    @Test func anUnreadableConfigAndADumbTerminalAreNamed() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        let folder = home.appendingPathComponent("alpaca-dash")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try Data("{\"watchlist\": 7}".utf8).write(to: folder.appendingPathComponent("config.json"))
        var configuration = SimulatedUpstream.configuration(at: .now())
        configuration.clock = .system
        let (status, checks, _) = try await Self.doctor(
            configuration, environment: ["XDG_CONFIG_HOME": home.path, "TERM": "dumb"])
        #expect(status == 4)
        #expect(Self.status(checks, "config") == "fail")
        #expect((checks["config"]?["detail"] as? String)?.contains("config.json") == true)
        #expect(Self.status(checks, "terminal") == "warn")
    }
}
