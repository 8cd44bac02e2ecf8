import ArgumentParser
import DashConfig
import DashboardUI
import Foundation
import MarketModel
import MetricsExport
import Pipeline
import TUINCurses

/// `alpaca-dash [--demo] [--watchlist …] [--theme NAME] [--refresh 2s]`: the dashboard.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "The terminal dashboard (the default command).")

    @Option(help: "Symbols to watch, comma-separated (default: the config file's, or a starter list).")
    var watchlist: String?

    @Option(help: "Theme: default, light, high-contrast, monochrome, or a file name in themes/.")
    var theme: String?

    @Option(help: "Watchlist refresh interval, e.g. 2s or 500ms.")
    var refresh: String?

    @Option(
        help: """
            Serve Prometheus metrics at http://ADDR/metrics: PORT (on 127.0.0.1), HOST:PORT or \
            [IPv6]:PORT. Off by default.
            """)
    var metricsAddr: String?

    @Option(
        help: """
            Run this shell command for every alert crossing, with the alert as one JSON line on its \
            standard input (credentials are removed from its environment).
            """)
    var onAlert: String?

    @Flag(help: "Poll REST only: do not open the market-data stream.")
    var noStream = false

    @OptionGroup var upstream: UpstreamOptions

    func validate() throws {
        if let refresh, Self.seconds(refresh) == nil {
            throw ValidationError("--refresh must look like 2s, 1.5s or 500ms")
        }
        if let metricsAddr {
            do { _ = try MetricsAddress(metricsAddr) } catch { throw ValidationError(error.description) }
        }
    }

    static func seconds(_ text: String) -> Double? {
        let value: Double?
        if text.hasSuffix("ms") {
            value = Double(text.dropLast(2)).map { $0 / 1000 }
        } else if text.hasSuffix("s") {
            value = Double(text.dropLast())
        } else {
            value = Double(text)
        }
        guard let value, value >= 0.2, value <= 3600 else { return nil }
        return value
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let config: ConfigFile
        do {
            config = try ConfigFile.load(environment: environment)
        } catch {
            Console.error("alpaca-dash: \(error)\n")
            throw ExitStatus(code: 78)
        }
        // Refuse early, before starting anything, when there is no terminal to draw on.
        if let problem = TerminalUnavailable.check(environment: environment) {
            Console.error("alpaca-dash: \(problem)\n")
            throw ExitStatus.usage
        }
        AllocatorTuning.apply()
        let symbols =
            watchlist.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
            ?? config.watchlist ?? ConfigFile.defaultWatchlist
        var intervals = config.intervals
        if let refresh, let seconds = Self.seconds(refresh) { intervals.watchlist = seconds }
        let connection = try await UpstreamConnection.open(
            upstream, environment: environment, audit: true, exportsMetrics: metricsAddr != nil)
        let service = connection.service(configuration: config.pipelineConfiguration)
        var metricsServer: MetricsServer?
        let latestStream = LatestStreamStatus()
        let paint = PaintLatency()
        do {
            if let metricsAddr {
                metricsServer = try await connection.serveMetrics(
                    at: MetricsAddress(metricsAddr), service, stream: latestStream, paint: paint)
            }
        } catch {
            await connection.close()
            Console.error("alpaca-dash: --metrics-addr \(metricsAddr ?? ""): cannot listen (\(error))\n")
            throw ExitStatus.usage
        }
        let runner = onAlert.map { AlertCommandRunner(command: $0, environment: environment) }
        let (watchlists, watchlistSink) = AsyncStream.makeStream(
            of: [String].self, bufferingPolicy: .bufferingNewest(1))
        let (contracts, contractSink) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .bufferingNewest(1))
        let watched = symbols.filter { !$0.isEmpty }
        let scheduler = RefreshScheduler(
            service: service, watchlist: watched, origin: connection.origin,
            intervals: intervals,
            alerts: config.alertRules, onAlert: { runner?.run($0) },
            onWatchlistChange: {
                ConfigFile.saveWatchlist($0, environment: environment)
                watchlistSink.yield($0)
            }, onStreamContracts: { contractSink.yield($0) })
        let pipeline = Task { try await scheduler.run() }
        let stream =
            noStream
            ? nil
            : StreamBridge.start(
                settings: connection.stream, optionSettings: connection.optionStream, scheduler: scheduler,
                watchlist: watched, changes: watchlists, contracts: contracts, latest: latestStream)
        defer { stream?.stop() }
        let state = AppState(
            refreshInterval: intervals.watchlist,
            staleAfterSeconds: config.pipelineConfiguration.stalenessLimit, origin: connection.origin)
        let status: Int32
        do {
            status = try await runDashboard(
                initialState: state, theme: loadTheme(named: theme ?? config.theme), updates: scheduler.updates,
                bell: config.alertBell ?? false, painted: { paint.record(arrival: $0, now: Timestamp.now()) },
                send: { scheduler.send($0) })
        } catch {
            pipeline.cancel()
            await metricsServer?.stop()
            await connection.close()
            Console.error("alpaca-dash: \(error.description)\n")
            throw ExitStatus.usage
        }
        pipeline.cancel()
        await metricsServer?.stop()
        await connection.close()
        if status != 0 { throw ExitStatus(code: status) }
    }
}
