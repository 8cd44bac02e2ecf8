import AlpacaAPI
import AlpacaSimulator
import Foundation
import MarketModel
import SimulatorTestSupport
import Testing

/// Issue 8 through the real binary: hostile upstream text, disguised hosts, bad config and
/// out-of-range arguments end in clear errors, never a trap or raw control characters.
// Serialized: dozens of binaries at once on two cores starve the in-process simulators of other suites.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HardeningCommandTests {
    static let hostile = "boom \u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\r\u{08}\u{202E}\u{200B}end"

    /// No C0 control but the newline, no DEL, no C1, no BiDi or zero-width control.
    static func isInert(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
                || s.properties.generalCategory == .format
        }
    }

    @Test(arguments: [
        (["bars", "AAPL"], "/v2/stocks/bars"), (["clock"], "/v2/clock"),
        (["chain", "AAPL"], "/v2/options/contracts"), (["quote", "AAPL"], "/v2/stocks/snapshots"),
        (["bars", "AAPL", "--json"], "/v2/stocks/bars"),
    ])
    func aHostileUpstreamErrorNeverReachesTheTerminalRaw(arguments: [String], path: String) async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: .now())) { upstream in
            upstream.server.market.setErrorMessage(path: path, status: 422, message: Self.hostile)
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(arguments + ["--data-url", url, "--trading-url", url])
            #expect(output.status != 0)
            #expect(output.stdout.contains("boom") || output.stderr.contains("boom"), "\(output.stdout)")
            #expect(Self.isInert(output.stdout), "\(output.stdout.debugDescription)")
            #expect(Self.isInert(output.stderr), "\(output.stderr.debugDescription)")
        }
    }

    @Test(arguments: ["http://127.evil.com", "http://127.0.0.1.evil.com:8080", "http://evil.com\\@127.0.0.1"])
    func aDisguisedHostIsNotLoopback(url: String) async throws {
        let output = try await BinaryRunner.run(
            ["quote", "AAPL", "--data-url", url, "--trading-url", url],
            environment: ["APCA_API_KEY_ID": "PKCANARY", "APCA_API_SECRET_KEY": "secret-canary"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("plain http is accepted only for loopback"), "\(output.stderr)")
        #expect(!output.stdout.contains("SIMULATED"))
        #expect(!(output.stdout + output.stderr).contains("secret-canary"))
    }

    @Test(arguments: ["999999999999Min", "60Min", "24Hour", "2Day", "5Month", "0Min", "01Min", "1min"])
    func anOutOfRangeTimeframeIsAUsageError(timeframe: String) async throws {
        let output = try await BinaryRunner.run(["bars", "AAPL", "--timeframe", timeframe, "--demo"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("--timeframe must be"))
    }

    @Test(arguments: [
        (#"{"thresholds":{"staleness_seconds":1e10}}"#, "thresholds.staleness_seconds"),
        (#"{"refresh":{"watchlist":0}}"#, "refresh.watchlist"),
        (#"{"refresh":{"chain":-1}}"#, "refresh.chain"),
        (#"{"thresholds":{"minimum_quality_score":101}}"#, "thresholds.minimum_quality_score"),
        (#"{"thresholds":{"max_move_from_previous_close":1e308}}"#, "thresholds.max_move_from_previous_close"),
        (#"{"refresh":{"bars":"fast"}}"#, "refresh.bars"),
        (#"{"watchlist":"AAPL"}"#, "watchlist"),
        ("{\"theme\":\"\u{1B}]0;x\u{07}\", ", "not valid JSON"),
    ])
    func aBadConfigValueIsExit78NamingTheKey(config: String, key: String) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("alpaca-dash-config-\(UUID())")
        let directory = home.appendingPathComponent("alpaca-dash")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: directory.appendingPathComponent("config.json"))
        defer { try? FileManager.default.removeItem(at: home) }
        let output = try await BinaryRunner.run(["--demo"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(output.status == 78, "\(output.stderr)")
        #expect(output.stderr.contains("invalid configuration"))
        #expect(output.stderr.contains(key), "\(output.stderr)")
        #expect(Self.isInert(output.stderr))
    }

    @Test func aConfigInRangeIsAccepted() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("alpaca-dash-config-\(UUID())")
        let directory = home.appendingPathComponent("alpaca-dash")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = #"{"refresh":{"watchlist":0.2,"bars":3600},"thresholds":{"staleness_seconds":604800}}"#
        try Data(config.utf8).write(to: directory.appendingPathComponent("config.json"))
        defer { try? FileManager.default.removeItem(at: home) }
        // Without a terminal the dashboard stops at the next check: the config passed.
        let output = try await BinaryRunner.run(["--demo"], environment: ["XDG_CONFIG_HOME": home.path])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(!output.stderr.contains("invalid configuration"))
    }

    @Test func aConfiguredProxyNeverCarriesTheRequest() async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: .now())) { upstream in
            let url = upstream.server.baseURL
            // A proxy that does not exist: a request routed through it would fail.
            let proxy = "http://127.0.0.1:9"
            let output = try await BinaryRunner.run(
                ["quote", "AAPL", "--json", "--data-url", url, "--trading-url", url],
                environment: ["http_proxy": proxy, "HTTP_PROXY": proxy, "https_proxy": proxy, "ALL_PROXY": proxy])
            #expect(output.status == 0, "\(output.stdout) \(output.stderr)")
            #expect(upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 1)
        }
    }

    @Test func simTakesItsKeysFromTheEnvironmentOnly() async throws {
        let refused = try await BinaryRunner.run(["sim", "--require-keys"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("APCA_API_KEY_ID"))
        let removed = try await BinaryRunner.run(["sim", "--keys", "PK:secret"])
        #expect(removed.status == 2, "--keys on the command line is gone")
    }

    @Test func outOfRangeValuesInOneSymbolLeaveTheOthersAndNegativeZeroIsNoBid() async throws {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: .now())) { upstream in
            let clean = try await upstream.client().stockSnapshots(["NVDA"])
            let time = try #require(clean.entries["NVDA"]?.value?.latestTrade?.time).rfc3339
            upstream.server.market.setStockOverride(
                "AAPL", .rawSnapshotJSON(#"{"latestQuote":{"t":"0001-01-01T00:00:00Z","bp":1,"ap":1.1,"bs":1,"as":1}}"#)
            )
            upstream.server.market.setStockOverride(
                "MSFT",
                .rawSnapshotJSON(
                    #"{"latestTrade":{"t":"\#(time)","p":10.0,"s":1},"prevDailyBar":{"t":"\#(time)","o":1e-300,"h":1e-300,"l":1e-300,"c":1e-300,"v":1}}"#
                ))
            upstream.server.market.setStockOverride(
                "NVDA", .rawSnapshotJSON(#"{"latestQuote":{"t":"\#(time)","bp":-0.0,"ap":1.1,"bs":0,"as":1}}"#))
            let url = upstream.server.baseURL
            let output = try await BinaryRunner.run(
                ["quote", "--json", "--data-url", url, "--trading-url", url, "AAPL", "MSFT", "NVDA", "SPY"])
            #expect(output.status == 3, "\(output.stderr)")
            let lines = try HeadlessCommandTests.objects(output.stdout)
            #expect(lines.count == 4)
            let rules = lines.map { (($0["error"] as? [String: Any])?["rule"] as? String) }
            #expect(rules[0] == "V010")
            #expect(rules[1] == "B001")
            #expect(rules[3] == nil)
            #expect(!output.stdout.contains("-0.0"), "\(output.stdout)")
        }
    }
}
