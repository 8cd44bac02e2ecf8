import ArgumentParser
import DashConfig
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash doctor`: what stands between this machine and a working dashboard, with a fix each.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check keys, feed entitlements, clock skew, latency, rate limit, config, terminal and audit log.",
        discussion: """
            Each check prints OK, WARN, FAIL or SKIP with a one-line fix. \
            Exit status: 0 all OK, 1 a WARN, 4 a FAIL.
            """)

    @Flag(help: "Print one JSON object per check instead of text.")
    var json = false

    @OptionGroup var upstream: UpstreamOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var checks = Doctor.localChecks(environment: environment)
        let tolerance = (try? ConfigFile.load(environment: environment))?.pipelineConfiguration.clockSkewTolerance
        let connection = try await UpstreamConnection.open(upstream, environment: environment, audit: false)
        let doctor = Doctor(
            connection: connection, stockFeed: upstream.feed,
            skewTolerance: tolerance ?? PipelineConfiguration().clockSkewTolerance)
        checks = await doctor.run() + checks
        await connection.close()
        var out = ""
        for check in checks { out += json ? check.jsonLine : check.text }
        if !json {
            let source = connection.origin == .simulated ? " (SIMULATED upstream)" : ""
            let counts = Dictionary(grouping: checks, by: \.status).mapValues(\.count)
            out +=
                "\(counts[.ok] ?? 0) ok, \(counts[.warn] ?? 0) warn, \(counts[.fail] ?? 0) fail, "
                + "\(counts[.skip] ?? 0) skipped\(source)\n"
        }
        Console.out(out)
        let status = DoctorCheck.exitStatus(checks)
        if status != 0 { throw ExitStatus(code: status) }
    }
}
