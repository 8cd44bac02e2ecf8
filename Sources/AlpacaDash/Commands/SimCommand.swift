import AlpacaSimulator
import ArgumentParser
import FaultInjection
import Foundation
import Logging
import MetricsExport
import ServiceLifecycle
import UnixSignals

/// `alpaca-dash sim`: the built-in Alpaca-compatible simulator on 127.0.0.1.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim", abstract: "Run the Alpaca-compatible simulator on 127.0.0.1 until SIGINT/SIGTERM.")

    @Option(help: "Port (0 = any free port).")
    var port: Int = 0

    @Option(help: "Seed of the simulated market.")
    var seed: UInt64 = 1

    @Option(help: "Market state: open, closed, pre, post or auto (New York time).")
    var market: String = "auto"

    @Flag(
        help: """
            Require the key pair in $APCA_API_KEY_ID and $APCA_API_SECRET_KEY (read from the environment, \
            never the command line, where other users could read it in the process list).
            """)
    var requireKeys = false

    @Option(help: "Symbols the simulator does not know, comma-separated.")
    var unknown: String?

    @Option(help: "Requests per minute before HTTP 429.")
    var rateLimit: Int = 200

    @Option(help: "Faults to inject, as a spec such as 'drill' (docs/reliability.md); POST /_sim/faults changes them.")
    var faults: String?

    @Option(
        help: """
            Feeds the keys are entitled to, comma-separated (default all): for example 'iex,indicative' \
            answers SIP and OPRA requests with 403, like an account on the free plan.
            """)
    var feeds: String?

    @Option(
        parsing: .unconditional,
        help: "Run the simulator's clock this many seconds ahead of this machine's (negative: behind).")
    var clockSkew: Double = 0

    @Option(help: "Stream messages per second per subscribed symbol (1: on change; more: for load tests).")
    var streamRate: Int = 1

    @Option(help: "Most stream symbols (trades or quotes) per connection before error 405 (0: no limit).")
    var streamSymbolLimit: Int = 30

    @Option(help: "Serve Prometheus metrics at http://ADDR/metrics: PORT (on 127.0.0.1) or HOST:PORT. Off by default.")
    var metricsAddr: String?

    @Option(
        name: .customLong("fail"),
        help: "Fault drill: answer PATH with an Alpaca error, as PATH:STATUS:MESSAGE (repeatable).")
    var failures: [String] = []

    /// The scripted failures, parsed.
    var scriptedFailures: [(path: String, status: Int, message: String)] {
        failures.compactMap { spec in
            let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].hasPrefix("/"), let status = Int(parts[1]), (400...599).contains(status)
            else { return nil }
            return (String(parts[0]), status, String(parts[2]))
        }
    }

    func validate() throws {
        guard MarketMode(rawValue: market) != nil else {
            throw ValidationError("--market must be open, closed, pre, post or auto")
        }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard rateLimit > 0 else { throw ValidationError("--rate-limit must be positive") }
        guard (1...10_000).contains(streamRate) else { throw ValidationError("--stream-rate must be 1…10000") }
        guard streamSymbolLimit >= 0 else { throw ValidationError("--stream-symbol-limit must be 0 or more") }
        if requireKeys && Self.keys(ProcessInfo.processInfo.environment) == nil {
            throw ValidationError("--require-keys needs APCA_API_KEY_ID and APCA_API_SECRET_KEY in the environment")
        }
        _ = try FaultSpec.option(faults)
        if let feeds {
            let known = Set(SimulatorConfiguration.knownFeeds)
            let asked = Self.feedSet(feeds)
            guard !asked.isEmpty, asked.isSubset(of: known) else {
                throw ValidationError(
                    "--feeds takes a list of \(SimulatorConfiguration.knownFeeds.joined(separator: ", "))")
            }
        }
        guard clockSkew.isFinite, abs(clockSkew) <= 86_400 else {
            throw ValidationError("--clock-skew must be within ±86400 seconds")
        }
        if let metricsAddr {
            do { _ = try MetricsAddress(metricsAddr) } catch { throw ValidationError(error.description) }
        }
        guard scriptedFailures.count == failures.count else {
            throw ValidationError("--fail must be PATH:STATUS:MESSAGE with a status of 400…599")
        }
    }

    /// The comma-separated feed names, trimmed and lower-cased.
    static func feedSet(_ text: String) -> Set<String> {
        Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// The key pair the simulator requires, from the environment.
    static func keys(_ environment: [String: String]) -> SimulatorKeys? {
        guard let id = environment["APCA_API_KEY_ID"], let secret = environment["APCA_API_SECRET_KEY"], !id.isEmpty,
            !secret.isEmpty
        else { return nil }
        return SimulatorKeys(id: id, secret: secret)
    }

    func run() async throws {
        var configuration = SimulatorConfiguration()
        configuration.port = port
        configuration.seed = seed
        configuration.market = MarketMode(rawValue: market) ?? .auto
        configuration.rateLimitPerMinute = rateLimit
        configuration.clock = clockSkew == 0 ? .system : .skewed(seconds: clockSkew)
        configuration.entitledFeeds = feeds.map(Self.feedSet)
        if requireKeys { configuration.keys = Self.keys(ProcessInfo.processInfo.environment) }
        configuration.unknownSymbols = Set((unknown ?? "").split(separator: ",").map { $0.uppercased() })
        configuration.faults = try FaultSpec.option(faults)
        configuration.streamRate = streamRate
        configuration.streamSymbolLimit = streamSymbolLimit
        let service = SimulatorService(
            configuration: configuration, failures: scriptedFailures,
            metricsAddress: try metricsAddr.map(MetricsAddress.init))
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: Logger(label: "alpaca-dash.sim", factory: { _ in SwiftLogNoOpLogHandler() })))
        try await group.run()
    }
}

/// The simulator as a service: prints its URL once listening, runs until shutdown.
struct SimulatorService: Service {
    let configuration: SimulatorConfiguration
    let failures: [(path: String, status: Int, message: String)]
    let metricsAddress: MetricsAddress?

    func run() async throws {
        let server = try await SimulatorServer.start(configuration)
        for failure in failures {
            server.market.setErrorMessage(path: failure.path, status: failure.status, message: failure.message)
        }
        var metrics: MetricsServer?
        if let metricsAddress {
            let exporter = SimulatorExporter()
            do {
                metrics = try await MetricsServer.start(metricsAddress) {
                    let stats = server.stats
                    return exporter.exposition(
                        SimulatorExporter.Totals(
                            requestsByPath: stats.requestsByPath, responsesByStatus: stats.responsesByStatus,
                            faultsByKind: stats.faultsByKind, connectionsAccepted: stats.connectionsAccepted))
                }
            } catch {
                await server.stop()
                Console.error("alpaca-dash: --metrics-addr: cannot listen (\(error))\n")
                throw ExitStatus.usage
            }
        }
        var line = "alpaca-dash simulator listening on \(server.baseURL) (SIMULATED data; Ctrl-C to stop)\n"
        line += "stream at ws\(server.baseURL.dropFirst(4))/v2/iex (and /v2/sip, /v2/test, /v1beta1/opra, …)\n"
        if let metrics { line += "metrics at \(metrics.url)\n" }
        Console.out(line)
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
        }
        await metrics?.stop()
        await server.stop()
    }
}
