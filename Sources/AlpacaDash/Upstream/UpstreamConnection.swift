import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import AlpacaStreamClient
import ArgumentParser
import CurlTransport
import FaultInjection
import Foundation
import HTTPCore
import MarketMetrics
import MarketModel
import MetricsExport
import Pipeline
import TTLCache

/// The resolved upstream: a client, whether it is live or simulated, and the embedded simulator
/// when one was started.
struct UpstreamConnection {
    let client: AlpacaClient
    let origin: DataOrigin
    let dataSource: DataSource
    let simulator: SimulatorServer?
    let metrics: MetricsRegistry
    let audit: AuditLog?
    /// The Prometheus exporter, when `--metrics-addr` asked for one.
    let exporter: PrometheusExporter?
    /// The market-data stream's URL for the stock feed, and the keys it authenticates with.
    let stream: StreamSettings
    /// The option stream's settings (`/v1beta1/` and the options feed, MessagePack).
    let optionStream: StreamSettings

    static func isAllowed(_ url: String) -> Bool { URLParts(url)?.isAllowedUpstream ?? false }

    /// `wss://` anywhere, `ws://` to a loopback host only (never keys in the clear).
    static func isAllowedStream(_ url: String) -> Bool {
        if url.hasPrefix("wss://") { return URLParts("https://" + url.dropFirst(6)) != nil }
        guard url.hasPrefix("ws://") else { return false }
        return URLParts("http://" + url.dropFirst(5))?.isLoopback == true
    }

    /// The stream base the options and environment name: `--stream-url`, `APCA_API_STREAM_URL`,
    /// the simulator's own port (a loopback data host serves both), else Alpaca's.
    static func streamBase(_ options: UpstreamOptions, environment: [String: String], data: String) throws -> String {
        if let url = options.streamURL ?? environment["APCA_API_STREAM_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard isAllowedStream(url) else {
                throw ValidationError("\(url): the stream URL must be wss://, or ws:// to a loopback host")
            }
            return url
        }
        if URLParts(data)?.isLoopback == true, data.hasPrefix("http://") { return "ws://" + data.dropFirst(7) }
        return "wss://stream.data.alpaca.markets"
    }

    /// Resolves the upstream from the options and environment.
    ///
    /// Explicit URLs win; otherwise keys mean live Alpaca, and no keys (or `--demo`) start the
    /// embedded simulator on an ephemeral loopback port. The simulator is never a fallback for a
    /// live connection that fails.
    static func open(
        _ options: UpstreamOptions, environment: [String: String], audit: Bool, exportsMetrics: Bool = false
    ) async throws
        -> UpstreamConnection
    {
        let credentials = Credentials.fromEnvironment(environment)
        // Half a key pair would silently mean the simulator: refuse it (reliability.md K1).
        let halves = ["APCA_API_KEY_ID", "APCA_API_SECRET_KEY"].filter { !(environment[$0] ?? "").isEmpty }
        if halves.count == 1 && !options.demo {
            let missing = halves[0] == "APCA_API_KEY_ID" ? "APCA_API_SECRET_KEY" : "APCA_API_KEY_ID"
            Console.error(
                "alpaca-dash: \(halves[0]) is set but \(missing) is not: export both for Alpaca, "
                    + "or unset both (or pass --demo) for the simulator\n")
            throw ExitStatus(code: 78)
        }
        let explicit = options.tradingURL != nil || options.dataURL != nil
        var hosts: AlpacaHosts
        var simulator: SimulatorServer?
        var origin: DataOrigin
        var source: DataSource
        if !explicit && (options.demo || credentials == nil) {
            var configuration = SimulatorConfiguration()
            configuration.clock = .system
            // A newcomer opening the demo at night should see a market that moves (issue 11).
            configuration.market = options.market.flatMap(MarketMode.init(rawValue:)) ?? .open
            configuration.faults = try FaultSpec.option(options.faults)
            let server = try await SimulatorServer.start(configuration)
            simulator = server
            hosts = AlpacaHosts(trading: server.baseURL, data: server.baseURL)
            origin = .simulated
            source = .simulator
        } else {
            if options.market != nil {
                throw ValidationError(
                    "--market needs the built-in simulator: add --demo (live Alpaca has its own clock)")
            }
            if options.faults != nil {
                throw ValidationError(
                    "--faults needs the built-in simulator: add --demo (live Alpaca is never faulted)")
            }
            hosts = AlpacaHosts.resolve(environment: environment, trading: options.tradingURL, data: options.dataURL)
            let loopback = URLParts(hosts.data)?.isLoopback == true
            source = loopback ? .simulator : .alpaca
            origin = loopback ? .simulated : hosts.isPaper ? .livePaper : .live
        }
        var configuration = AlpacaClient.Configuration(
            hosts: hosts, credentials: simulator == nil ? credentials : nil)
        configuration.stockFeed = options.feed
        configuration.optionsFeed = options.optionsFeed
        let exporter = exportsMetrics ? PrometheusExporter() : nil
        let metrics = MetricsRegistry(observer: exporter)
        let auditLog = audit ? AuditLog(url: AuditLog.defaultURL(environment: environment)) : nil
        let client = AlpacaClient(
            configuration: configuration, transport: CurlTransport(),
            observer: UpstreamObserver(metrics: metrics, audit: auditLog))
        let base = try streamBase(options, environment: environment, data: hosts.data)
        let keys = simulator == nil ? credentials : nil
        let stream = StreamSettings(
            url: StreamSettings.stockURL(base: base, feed: options.feed), framing: .msgpack, credentials: keys)
        let optionStream = StreamSettings.options(base: base, feed: options.optionsFeed, credentials: keys)
        return UpstreamConnection(
            client: client, origin: origin, dataSource: source, simulator: simulator, metrics: metrics, audit: auditLog,
            exporter: exporter, stream: stream, optionStream: optionStream)
    }

    /// A market-data service over this connection.
    func service(configuration: PipelineConfiguration = PipelineConfiguration()) -> MarketDataService {
        var configuration = configuration
        configuration.dataSource = dataSource
        return MarketDataService(
            client: client, configuration: configuration, metrics: metrics,
            journal: PipelineJournal(audit: audit, observer: exporter))
    }

    /// Serves `/metrics` for this connection and `service` (nil without an exporter), with the
    /// stream's series when `stream` has a status, and tick → painted from `paint`.
    func serveMetrics(
        at address: MetricsAddress, _ service: MarketDataService, stream: LatestStreamStatus? = nil,
        paint: PaintLatency? = nil
    ) async throws -> MetricsServer? {
        guard let exporter else { return nil }
        let metrics = self.metrics
        return try await MetricsServer.start(address) {
            let cache = await service.cache.stats()
            return exporter.exposition(
                metrics: metrics.snapshot(), openCircuits: metrics.openCircuitHosts, cache: cache,
                stream: stream?.value, tickToPaint: paint?.value)
        }
    }

    /// Stops the embedded simulator, if any, and flushes the audit trail.
    func close() async {
        audit?.flush()
        await simulator?.stop()
    }
}
