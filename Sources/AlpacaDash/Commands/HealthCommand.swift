import ArgumentParser
import DashConfig
import Foundation
import MarketMetrics
import MarketModel
import MetricsExport
import Pipeline
import Synchronization

/// `alpaca-dash health`: the ops panels' figures as one line per interval, for log pipelines and cron.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Run the pipeline headless and print one summary line per interval (NDJSON with --json).",
        discussion: """
            Each line summarises requests, errors, 429s, latency, the rate-limit budget, rejections by rule, \
            the cache hit rate, the worst symbols by quality and the last error per endpoint. Alert rules from \
            the config file print a line of their own ("type":"alert") the moment they cross. \
            Exit status: 0, or 4 when no refresh ever succeeded.
            """)

    @Flag(help: "Print JSON Lines instead of text.")
    var json = false

    @Option(help: "Time between lines, e.g. 10s or 1m.")
    var interval: String = "10s"

    @Option(name: .customLong("for"), help: "Stop after this long (e.g. 1m); without it, run until interrupted.")
    var duration: String?

    @Option(help: "Comma-separated symbols (default: the config file's watchlist, or the built-in one).")
    var watchlist: String?

    @Option(help: "Run this shell command for every alert crossing, with the alert's JSON line on its standard input.")
    var onAlert: String?

    @Option(help: "Serve Prometheus metrics at http://ADDR/metrics while running: PORT (on 127.0.0.1) or HOST:PORT.")
    var metricsAddr: String?

    @OptionGroup var upstream: UpstreamOptions

    /// The accepted seconds of `--interval` and `--for`.
    static let range: ClosedRange<Double> = 0.2...(7 * 86_400)

    func validate() throws {
        guard DurationText.seconds(interval, in: Self.range) != nil else {
            throw ValidationError("--interval must be a duration such as 10s or 1m")
        }
        if let duration, DurationText.seconds(duration, in: Self.range) == nil {
            throw ValidationError("--for must be a duration such as 30s or 1h")
        }
        if let metricsAddr {
            do { _ = try MetricsAddress(metricsAddr) } catch { throw ValidationError(error.description) }
        }
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
        let symbols =
            watchlist.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() } }
            ?? config.watchlist ?? ConfigFile.defaultWatchlist
        let connection = try await UpstreamConnection.open(
            upstream, environment: environment, audit: true, exportsMetrics: metricsAddr != nil)
        let service = connection.service(configuration: config.pipelineConfiguration)
        var metricsServer: MetricsServer?
        if let metricsAddr {
            do {
                metricsServer = try await connection.serveMetrics(at: MetricsAddress(metricsAddr), service)
            } catch {
                await connection.close()
                Console.error("alpaca-dash: --metrics-addr \(metricsAddr): cannot listen (\(error))\n")
                throw ExitStatus.usage
            }
        }
        let runner = onAlert.map { AlertCommandRunner(command: $0, environment: environment) }
        let json = self.json
        let scheduler = RefreshScheduler(
            service: service, watchlist: symbols.filter { !$0.isEmpty }, origin: connection.origin,
            intervals: config.intervals, alerts: config.alertRules,
            onAlert: { events in
                runner?.run(events)
                Console.out(events.map { json ? $0.jsonLine : "ALERT " + $0.summary + "\n" }.joined())
            })
        let pipeline = Task { try await scheduler.run() }
        let latest = Mutex<DashboardUpdate?>(nil)
        let consumer = Task { for await update in scheduler.updates { latest.withLock { $0 = update } } }
        var succeeded = false
        var previous: DashboardUpdate?
        await Self.report(
            every: DurationText.seconds(interval, in: Self.range) ?? 10,
            for: duration.flatMap { DurationText.seconds($0, in: Self.range) }, clock: ContinuousClock()
        ) {
            let now = Timestamp.now()
            guard let update = latest.withLock({ $0 }) else {
                var waiting = JSONLine()
                waiting.add("type", "health")
                waiting.add("ts", now.rfc3339)
                waiting.add("waiting", true)
                Console.out(json ? waiting.finished() : "\(now.rfc3339) waiting for the first refresh\n")
                return
            }
            if update.market.lastSuccessfulRefresh != nil { succeeded = true }
            let summary = HealthSummary(update, previous: previous, time: now)
            previous = update
            Console.out(json ? summary.jsonLine : summary.textLine)
        }
        pipeline.cancel()
        consumer.cancel()
        await metricsServer?.stop()
        await connection.close()
        if !succeeded { throw ExitStatus.upstream }
    }

    /// Calls `line` every `interval` seconds on `clock`, for `duration` seconds when given
    /// (at least once), otherwise until cancelled.
    static func report<C: Clock<Duration>>(
        every interval: Double, for duration: Double?, clock: C, line: () async -> Void
    ) async {
        let start = clock.now
        let step = Duration.milliseconds(Int64(interval * 1000))
        let end = duration.map { start.advanced(by: .milliseconds(Int64($0 * 1000))) }
        var next = start.advanced(by: step)
        while true {
            if let end, next > end { next = end }
            do { try await clock.sleep(until: next, tolerance: nil) } catch { return }
            await line()
            if let end, next >= end { return }
            next = next.advanced(by: step)
        }
    }
}
