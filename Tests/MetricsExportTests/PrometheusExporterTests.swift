import AlpacaAPI
import AlpacaSimulator
import CurlTransport
import FaultInjection
import HTTPCore
import MarketMetrics
import MarketModel
import MetricsExport
import Pipeline
import SimulatorTestSupport
import TTLCache
import Testing

/// `/metrics` through the real pipeline and client against the simulator, scraped over loopback
/// HTTP with the real libcurl transport: the counters equal the simulator's and the journal's.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PrometheusExporterTests {
    /// One sample line of the exposition: name, labels, value.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// A small parser of the text format's sample lines (the independent check is
    /// scripts/metrics-check.sh, with the official Python parser).
    static func samples(_ text: String) -> [Sample] {
        text.split(separator: "\n").compactMap { line -> Sample? in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "),
                let value = Double(line[line.index(after: space)...])
            else { return nil }
            let head = line[..<space]
            guard let brace = head.firstIndex(of: "{") else {
                return Sample(name: String(head), labels: [:], value: value)
            }
            var labels: [String: String] = [:]
            for pair in head[head.index(after: brace)..<head.index(before: head.endIndex)].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { continue }
                labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
            }
            return Sample(name: String(head[..<brace]), labels: labels, value: value)
        }
    }

    @Test func aScrapeCountsWhatTheSimulatorServedAndThePipelineRejected() async throws {
        var configuration = SimulatedUpstream.configuration()
        configuration.faults = try FaultSpec.parse("crossed=AAPL,status:503#1/v2/stocks/snapshots")
        try await SimulatedUpstream.with(configuration) { upstream in
            let exporter = PrometheusExporter()
            let metrics = MetricsRegistry(observer: exporter)
            let journal = PipelineJournal(observer: exporter)
            let client = upstream.client(observer: UpstreamObserver(metrics: metrics, audit: nil))
            var pipeline = PipelineConfiguration()
            pipeline.dataSource = .simulator
            let now = SimulatedUpstream.sessionTime
            let service = MarketDataService(
                client: client, configuration: pipeline, metrics: metrics, journal: journal, now: { now })
            for _ in 0..<3 { _ = try await service.quotes(["AAPL", "MSFT", "NVDA"], bypassCache: true) }
            _ = try await service.quotes(["MSFT"])
            let server = try await MetricsServer.start(try MetricsAddress("127.0.0.1:0")) {
                let cache = await service.cache.stats()
                return exporter.exposition(
                    metrics: metrics.snapshot(), openCircuits: metrics.openCircuitHosts, cache: cache)
            }
            let response = try await upstream.transport.send(HTTPRequest(url: server.url, headers: [], timeout: 5))
            await server.stop()
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(decoding: response.body, as: UTF8.self)
            let samples = Self.samples(text)
            func total(_ name: String, _ match: [String: String] = [:]) -> Double {
                samples.filter { sample in
                    sample.name == name && match.allSatisfy { key, value in sample.labels[key] == value }
                }.map(\.value).reduce(0, +)
            }
            let stats = upstream.server.stats
            #expect(total("alpaca_dash_upstream_requests_total") == Double(stats.requestsTotal), "\(text)")
            for (status, count) in stats.responsesByStatus {
                #expect(total("alpaca_dash_upstream_requests_total", ["status": String(status)]) == Double(count))
            }
            #expect(total("alpaca_dash_rejections_total", ["rule": "V003", "code": "DATA_VALIDATION_ERROR"]) == 3)
            #expect(total("alpaca_dash_rejections_total") == Double(journal.counts.values.reduce(0, +)))
            let cache = await service.cache.stats(for: .realTime)
            #expect(total("alpaca_dash_cache_hits_total", ["class": "real-time"]) == Double(cache.hits))
            #expect(total("alpaca_dash_cache_misses_total", ["class": "real-time"]) == Double(cache.misses))
            #expect(total("alpaca_dash_symbol_quality_score", ["symbol": "MSFT"]) > 0)
            #expect(
                total("alpaca_dash_quality_score_count") == 6,
                "MSFT and NVDA scored in each of 3 passes; a cache hit is not rescored")
            #expect(text.contains("# TYPE alpaca_dash_upstream_request_duration_seconds histogram"))
            #expect(text.contains("# TYPE alpaca_dash_stage_duration_seconds histogram"))
            // Bounded labels: symbols only as asked for, endpoints only as templates.
            let symbols = Set(samples.compactMap { $0.labels["symbol"] })
            #expect(symbols.isSubset(of: ["AAPL", "MSFT", "NVDA"]))
            #expect(samples.compactMap { $0.labels["endpoint"] }.allSatisfy { $0.hasPrefix("GET /") })
        }
    }

    @Test func theSimulatorsScrapeEqualsItsStats() async throws {
        var configuration = SimulatedUpstream.configuration()
        configuration.faults = try FaultSpec.parse("status:503%2/v2/stocks/snapshots,crossed=AAPL")
        try await SimulatedUpstream.with(configuration) { upstream in
            let client = upstream.client()
            for _ in 0..<4 { _ = try? await client.stockSnapshots(["AAPL", "MSFT"]) }
            _ = try? await client.clock()
            let exporter = SimulatorExporter()
            let server = try await MetricsServer.start(try MetricsAddress("127.0.0.1:0")) {
                let stats = upstream.server.stats
                return exporter.exposition(
                    SimulatorExporter.Totals(
                        requestsByPath: stats.requestsByPath, responsesByStatus: stats.responsesByStatus,
                        faultsByKind: stats.faultsByKind, connectionsAccepted: stats.connectionsAccepted))
            }
            let response = try await upstream.transport.send(HTTPRequest(url: server.url, headers: [], timeout: 5))
            await server.stop()
            let samples = Self.samples(String(decoding: response.body, as: UTF8.self))
            func value(_ name: String, _ label: String, _ key: String) -> Double? {
                samples.first { $0.name == name && $0.labels[label] == key }?.value
            }
            let stats = upstream.server.stats
            #expect(stats.requests(to: "/v2/stocks/snapshots") >= 4)
            for (path, count) in stats.requestsByPath {
                #expect(value("alpaca_dash_sim_requests_total", "path", path) == Double(count))
            }
            for (status, count) in stats.responsesByStatus {
                #expect(value("alpaca_dash_sim_responses_total", "status", String(status)) == Double(count))
            }
            #expect(!stats.faultsByKind.isEmpty)
            for (kind, count) in stats.faultsByKind {
                #expect(value("alpaca_dash_sim_faults_total", "kind", kind) == Double(count))
            }
        }
    }

    @Test(arguments: ["9464", "127.0.0.1:9464", "[::1]:9464", "localhost:0"])
    func addressesParse(_ text: String) throws {
        let address = try MetricsAddress(text)
        #expect(address.port == Int(text.split(separator: ":").last!))
    }

    @Test(arguments: ["", "host:", "host:99999", "a/b:1", "user@host:1", "[::1:1", "host:1x"])
    func badAddressesAreRefused(_ text: String) {
        #expect(throws: MetricsAddressError.self) { _ = try MetricsAddress(text) }
    }
}

/// The stream's series in the scrape.
@Suite struct StreamMetricsTests {
    @Test func theStreamStatusBecomesSeries() {
        var status = StreamStatus(state: .streaming, url: "ws://127.0.0.1:1/v2/iex", framing: "msgpack")
        status.subscribed = ["AAPL", "MSFT"]
        status.overflow = ["SPY"]
        status.messagesTotal = ["q": 120, "t": 80]
        status.reconnects = 2
        status.stalls = 1
        status.reseeds = 3
        status.gaps = 2
        status.lagP99 = 250
        let exporter = PrometheusExporter()
        let text = String(
            decoding: exporter.exposition(metrics: MetricsSnapshot(), openCircuits: [], cache: [], stream: status),
            as: UTF8.self)
        for line in [
            #"alpaca_dash_stream_state{state="streaming"} 1"#, #"alpaca_dash_stream_state{state="polling"} 0"#,
            "alpaca_dash_stream_subscribed_symbols 2", "alpaca_dash_stream_polled_symbols 1",
            #"alpaca_dash_stream_messages_total{type="q"} 120"#, "alpaca_dash_stream_reconnects_total 2",
            "alpaca_dash_stream_stalls_total 1", "alpaca_dash_stream_reseeds_total 3",
            #"alpaca_dash_stream_lag_seconds{quantile="0.99"} 0.25"#,
        ] {
            #expect(text.contains(line), "\(line) in \(text)")
        }
        // Totals never go down between scrapes.
        status.reconnects = 3
        let again = String(
            decoding: exporter.exposition(metrics: MetricsSnapshot(), openCircuits: [], cache: [], stream: status),
            as: UTF8.self)
        #expect(again.contains("alpaca_dash_stream_reconnects_total 3"))
    }
}

extension StreamMetricsTests {
    /// Tick → painted by quantile, and the frames it covers.
    @Test func tickToPaintBecomesSeries() {
        var histogram = LatencyHistogram()
        for milliseconds in 1...100 { histogram.record(seconds: Double(milliseconds) / 1000) }
        let text = String(
            decoding: PrometheusExporter().exposition(
                metrics: MetricsSnapshot(), openCircuits: [], cache: [], tickToPaint: histogram),
            as: UTF8.self)
        let samples = PrometheusExporterTests.samples(text)
        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { $0.name == name && $0.labels == labels }?.value
        }
        #expect(value("alpaca_dash_stream_painted_frames_total") == 100)
        let p50 = value("alpaca_dash_stream_tick_to_paint_seconds", ["quantile": "0.5"])
        let p99 = value("alpaca_dash_stream_tick_to_paint_seconds", ["quantile": "0.99"])
        // The histogram's buckets are within its relative precision of the recorded values.
        #expect(p50.map { abs($0 - 0.050) <= 0.050 * 0.1 } == true, "p50 \(String(describing: p50))")
        #expect(p99.map { abs($0 - 0.099) <= 0.099 * 0.1 } == true, "p99 \(String(describing: p99))")
    }
}
