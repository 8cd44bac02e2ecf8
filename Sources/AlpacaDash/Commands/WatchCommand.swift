import AlpacaStream
import AlpacaStreamClient
import ArgumentParser
import Foundation
import MarketModel
import MetricsExport
import Pipeline
import Synchronization
import UnixSignals

/// `alpaca-dash watch SYMBOL... [--json] [--for 30s] [--count N]`: validated stream updates as
/// they arrive, one line each, until the count or the time is reached.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print validated market-data stream updates as they arrive (JSON Lines with --json).",
        discussion: """
            Each update passes the same stages and rules as REST data. A rejected message prints an \
            error line with its rule id. Exit status: 0 when --for or --count is reached, 130 on \
            SIGINT, 4 when no stream can be had.
            """)

    @Argument(help: "Stock tickers to stream.")
    var symbols: [String]

    @Flag(help: "Print JSON Lines instead of text.")
    var json = false

    @Option(name: .customLong("for"), help: "Stop after this long, e.g. 30s or 2m.")
    var duration: String?

    @Option(help: "Stop after this many validated updates.")
    var count: Int?

    @Option(
        help: """
            Serve Prometheus metrics (the stream's included) at http://ADDR/metrics: PORT (on \
            127.0.0.1), HOST:PORT or [IPv6]:PORT. Off by default.
            """)
    var metricsAddr: String?

    @OptionGroup var upstream: UpstreamOptions

    func validate() throws {
        if let duration, DurationText.seconds(duration, in: 0.1...86_400) == nil {
            throw ValidationError("--for must look like 30s, 2m or 1h")
        }
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let metricsAddr {
            do { _ = try MetricsAddress(metricsAddr) } catch { throw ValidationError(error.description) }
        }
        for symbol in symbols where !SymbolFormat.isStock(symbol.uppercased()) {
            throw ValidationError("\(symbol) is not a stock symbol")
        }
    }

    func run() async throws {
        let connection = try await UpstreamConnection.open(
            upstream, environment: ProcessInfo.processInfo.environment, audit: true,
            exportsMetrics: metricsAddr != nil)
        let service = connection.service()
        let latest = LatestStreamStatus()
        var metricsServer: MetricsServer?
        if let metricsAddr {
            do {
                metricsServer = try await connection.serveMetrics(
                    at: MetricsAddress(metricsAddr), service, stream: latest)
            } catch {
                await connection.close()
                Console.error("alpaca-dash: --metrics-addr \(metricsAddr): cannot listen (\(error))\n")
                throw ExitStatus.usage
            }
        }
        let requested = symbols.map { $0.uppercased() }
        let (exits, exit) = AsyncStream.makeStream(of: Int32.self)
        let printer = WatchPrinter(json: json, limit: count) { exit.yield(0) }
        var settings = connection.stream
        settings.onlyInSession = false
        let supervisor = StreamSupervisor(
            settings: settings, symbols: requested, clock: ContinuousClock(),
            handlers: StreamHandlers(
                data: { messages, _ in
                    let outcomes = await service.ingest(messages)
                    printer.print(messages: messages, outcomes: outcomes)
                },
                reseed: { symbols in
                    _ = try? await service.quotes(symbols, bypassCache: true)
                    printer.print(messages: [], outcomes: await service.ingestPending(symbols))
                },
                status: { status in
                    latest.set(status)
                    switch status.state {
                    case .streaming: printer.streamed()
                    case .polling, .reconnecting:
                        if !printer.hasStreamed {
                            let reason = status.lastErrorMessage.map { ": " + $0 } ?? ""
                            let code = status.lastErrorCode.map { " (\($0))" } ?? ""
                            Console.error("alpaca-dash: no stream from \(status.url)\(code)\(reason)\n")
                            exit.yield(4)
                        }
                    default: break
                    }
                },
                sessionOn: { await service.sessionOn() }))
        let tasks = [
            Task { await supervisor.run() },
            Task {
                guard let duration, let seconds = DurationText.seconds(duration, in: 0.1...86_400) else { return }
                try? await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                exit.yield(0)
            },
            Task {
                for await _ in await UnixSignalsSequence(trapping: .sigint) {
                    exit.yield(130)
                    return
                }
            },
        ]
        var status: Int32 = 0
        for await code in exits {
            status = code
            break
        }
        for task in tasks { task.cancel() }
        await metricsServer?.stop()
        await connection.close()
        if connection.origin == .simulated && !json { Console.out("(SIMULATED data)\n") }
        if status != 0 { throw ExitStatus(code: status) }
    }
}

/// Prints `watch`'s lines, counting validated updates toward `--count`.
final class WatchPrinter: Sendable {
    private struct State {
        var printed = 0
        var streamed = false
    }

    private let json: Bool
    private let limit: Int?
    private let reached: @Sendable () -> Void
    private let state = Mutex(State())

    init(json: Bool, limit: Int?, reached: @escaping @Sendable () -> Void) {
        self.json = json
        self.limit = limit
        self.reached = reached
    }

    /// Whether the stream has delivered since start.
    var hasStreamed: Bool { state.withLock { $0.streamed } }

    /// Notes that the stream is up.
    func streamed() { state.withLock { $0.streamed = true } }

    /// One line per outcome: each validated update, each rejection with its rule id.
    func print(messages: [StreamMessage], outcomes: [StreamIngestOutcome]) {
        let types = messages.filter(\.isData).map(\.typeCode)
        var out = ""
        var accepted = 0
        var index = 0
        for outcome in outcomes {
            let type = index < types.count ? types[index] : nil
            index += 1
            switch outcome {
            case .accepted(let quote):
                guard
                    state.withLock({ state in
                        if let limit, state.printed >= limit { return false }
                        state.printed += 1
                        return true
                    })
                else { continue }
                accepted += 1
                out += json ? RecordFormatter.json(quote.value.symbol, .success(quote), type: type) : text(quote, type)
            case .rejected(let failure), .outOfOrder(let failure):
                let symbol = failure.symbol ?? "—"
                out +=
                    json
                    ? RecordFormatter.errorLine(symbol, failure, type: type)
                    : "\(symbol) \(type ?? "") ✗ \(failure.rule?.rawValue ?? failure.code.rawValue) \(failure.message)\n"
            case .awaitingSeed, .superseded, .status, .optionAccepted:
                break
            }
        }
        if !out.isEmpty { Console.out(out) }
        if let limit, accepted > 0, state.withLock({ $0.printed >= limit }) { reached() }
    }

    private func text(_ quote: ProcessedStockQuote, _ type: String?) -> String {
        let q = quote.value
        func price(_ value: Double?) -> String { value.map { TextTable.number($0) } ?? "—" }
        return "\(q.timestamp?.rfc3339 ?? "—") \(q.symbol) \(type ?? "") bid \(price(q.bidPrice)) ask "
            + "\(price(q.askPrice)) last \(price(q.lastPrice)) q \(quote.enrichment.quality.score)\n"
    }
}
