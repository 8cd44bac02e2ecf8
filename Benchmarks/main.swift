// The performance figures of docs/performance.md. Run a release build:
//
//     swift run -c release Benchmarks [runs]
//
// Each figure is the median of `runs` runs (default 7) with min and max; each run times a loop
// after a warm-up with ContinuousClock. Ratios against a baseline are taken in the same run.

import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import CurlTransport
import DashboardUI
import Foundation
import HTTPCore
import MarketMetrics
import MarketModel
import MessagePack
import Pipeline
import TTLCache
import TUICore

// `Benchmarks json-memory`: the peak resident memory a 16 MiB body of tiny values costs the JSON
// parser (issue 8: at most about four times the body), in a process of its own.
if CommandLine.arguments.dropFirst().first == "json-memory" {
    func peakKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    let count = 8 << 20
    // Built in place, so building it adds no peak of its own.
    let body = [UInt8](unsafeUninitializedCapacity: 2 * count + 1) { buffer, initialized in
        buffer[0] = UInt8(ascii: "[")
        for i in 0..<count {
            buffer[1 + 2 * i] = UInt8(ascii: "0")
            buffer[2 + 2 * i] = UInt8(ascii: ",")
        }
        buffer[2 * count] = UInt8(ascii: "]")
        initialized = 2 * count + 1
    }
    let before = peakKiB()
    let outcome: String
    do {
        _ = try JSONDocument(bytes: body)
        outcome = "parsed"
    } catch {
        outcome = "refused (\(error))"
    }
    let after = peakKiB()
    let mib = Double(body.count) / 1_048_576
    let grew = Double(after - before) / 1024
    print(
        String(
            format: "json-memory: %.1f MiB body of tiny values %@; peak RSS grew %.1f MiB = %.2f× the body",
            mib, outcome, grew, grew / mib))
    exit(0)
}

let runs = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 7

/// Times `body` `runs` times and returns the per-run seconds.
func measure(_ runs: Int, warmup: Int = 2, _ body: () async throws -> Void) async rethrows -> [Double] {
    for _ in 0..<warmup { try await body() }
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return samples.sorted()
}

func report(_ name: String, _ samples: [Double], items: Int, unit: String, budget: String) {
    let rates = samples.map { Double(items) / $0 }.sorted()
    let median = rates[rates.count / 2]
    func fmt(_ v: Double) -> String {
        v >= 1e6
            ? String(format: "%.2f M", v / 1e6)
            : v >= 1e3 ? String(format: "%.1f k", v / 1e3) : String(format: "%.1f", v)
    }
    print(
        "\(name): median \(fmt(median)) \(unit)/s (min \(fmt(rates.first!)), max \(fmt(rates.last!)); \(samples.count) runs) — budget \(budget)"
    )
}

func reportTime(_ name: String, _ samples: [Double], per: Int = 1, budget: String) {
    let times = samples.map { $0 / Double(per) * 1e6 }.sorted()
    print(
        String(
            format: "%@: median %.1f µs (min %.1f, max %.1f; %d runs) — budget %@", name, times[times.count / 2],
            times.first!, times.last!, times.count, budget))
}

// MARK: - A 1000-symbol snapshot body from the simulator (real wire shapes, fixed clock).

let sessionTime = Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!
var configuration = SimulatorConfiguration()
configuration.clock = .fixed(sessionTime)
let server = try await SimulatorServer.start(configuration)
let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
func tickerName(_ i: Int) -> String {
    let first: Character = letters[i / 676 % 26]
    let second: Character = letters[i / 26 % 26]
    let third: Character = letters[i % 26]
    return String([first, second, third, "X"])
}
let symbols = (0..<1000).map(tickerName)
let transport = CurlTransport()
let response = try await transport.send(
    HTTPRequest(url: server.baseURL + "/v2/stocks/snapshots?symbols=" + symbols.joined(separator: ",")))
let body = response.body
print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; body: \(body.count) bytes, 1000 snapshots")

// MARK: - decode → validate → enrich → derive → rules → QA → cache

let metrics = MetricsRegistry()
let processor = QuoteProcessor(metrics: metrics)
let context = StageContext(
    now: sessionTime,
    clock: MarketClock(
        timestamp: sessionTime, isOpen: true, nextOpen: Timestamp(rfc3339: "2024-03-13T13:30:00Z")!,
        nextClose: Timestamp(rfc3339: "2024-03-12T20:00:00Z")!),
    configuration: PipelineConfiguration())
let cache = TTLCache<String, CachedValue, ContinuousClock>()
let keys = symbols.map { "q:" + $0 }

// `Benchmarks N --stream-only` runs the stream figures alone: a clean process to profile them with perf.
if !CommandLine.arguments.contains("--stream-only") {
    let full = try await measure(runs) {
        for _ in 0..<20 {
            let entries = try AlpacaClient.decodeStockSnapshots(body)
            let results = processor.processStocks(symbols, batch: BatchResult(entries: entries), context: context)
            var fresh: [(String, CachedValue)] = []
            fresh.reserveCapacity(results.count)
            for (index, (_, result)) in results.enumerated() {
                if case .success(let quote) = result { fresh.append((keys[index], .stock(quote))) }
            }
            precondition(fresh.count == 1000, "every simulated snapshot passes the pipeline")
            await TTLCache.setMany(fresh, class: .realTime, in: cache)
        }
    }
    report(
        "pipeline decode→validate→enrich→derive→rules→QA→cache", full, items: 20_000, unit: "snapshots",
        budget: "≥ 400 k/s"
    )

    // `Benchmarks N --pipeline-only` stops here: a clean process to profile the pipeline with perf.
    if CommandLine.arguments.contains("--pipeline-only") {
        await server.stop()
        exit(0)
    }

    let decodeOnly = try await measure(runs) {
        for _ in 0..<20 { _ = try AlpacaClient.decodeStockSnapshots(body) }
    }
    report("  decode only (tape parser, per entry)", decodeOnly, items: 20_000, unit: "snapshots", budget: "—")

    let parseOnly = try await measure(runs) {
        for _ in 0..<20 { _ = try JSONDocument(bytes: body) }
    }
    report("    of which JSON syntax → tape", parseOnly, items: 20_000, unit: "snapshots", budget: "—")

    let entries = try AlpacaClient.decodeStockSnapshots(body)
    let stagesOnly = await measure(runs) {
        for _ in 0..<20 { _ = processor.processStocks(symbols, batch: BatchResult(entries: entries), context: context) }
    }
    report("  stages only (validate…QA, with metrics)", stagesOnly, items: 20_000, unit: "snapshots", budget: "—")

    let processed: [(String, CachedValue)] = processor.processStocks(
        symbols, batch: BatchResult(entries: entries), context: context
    ).enumerated().map { index, item in (keys[index], .stock(try! item.result.get())) }
    let storesOnly = await measure(runs) {
        for _ in 0..<20 { await TTLCache.setMany(processed, class: .realTime, in: cache) }
    }
    report("  cache stores only (setMany of 1000)", storesOnly, items: 20_000, unit: "snapshots", budget: "—")

    /// The baseline: Foundation's JSONDecoder into Codable structs of the same shape (no validation).
    struct CodableQuote: Decodable {
        var t: String
        var bp: Double
        var ap: Double
        var bs: Int
        var `as`: Int
    }
    struct CodableTrade: Decodable {
        var t: String
        var p: Double
        var s: Int
    }
    struct CodableBar: Decodable {
        var t: String
        var o: Double
        var h: Double
        var l: Double
        var c: Double
        var v: Int
    }
    struct CodableSnapshot: Decodable {
        var latestQuote: CodableQuote?
        var latestTrade: CodableTrade?
        var minuteBar: CodableBar?
        var dailyBar: CodableBar?
        var prevDailyBar: CodableBar?
    }
    let data = Data(body)
    let foundation = try await measure(runs) {
        for _ in 0..<5 { _ = try JSONDecoder().decode([String: CodableSnapshot?].self, from: data) }
    }
    report(
        "  baseline: Foundation JSONDecoder, whole body, no validation", foundation, items: 5000, unit: "snapshots",
        budget: "—")

    // MARK: - cache hit

    // From a task off the main actor, as the pipeline calls it (from the main actor every call
    // would also pay a thread switch).
    let hits = await Task.detached {
        await measure(runs) {
            for key in keys { _ = await cache.get(key, class: .realTime) }
        }
    }.value
    reportTime("cache hit (actor hop from a task)", hits, per: 1000, budget: "—")

    // MARK: - render + diff of a full 200×60 frame

    var rows: [WatchlistRow] = []
    for (symbol, result) in processor.processStocks(
        Array(symbols.prefix(60)), batch: BatchResult(entries: entries), context: context)
    {
        rows.append(WatchlistRow(symbol: symbol, quote: try result.get(), sparkline: (0..<30).map { Double($0 % 7) }))
    }
    let snapshot = DashboardSnapshot(generation: 1, origin: .simulated, watchlist: rows)
    var state = AppState(size: Size(width: 200, height: 60), origin: .simulated)
    _ = update(&state, .update(DashboardUpdate(market: snapshot)))
    let theme = Theme.default
    var previous = render(state, theme: theme, size: Size(width: 200, height: 60), now: sessionTime)
    // Each frame is drawn into the storage of the one before last, as the dashboard's loop does.
    var spare = ScreenBuffer(size: Size(width: 0, height: 0))
    var tick = 0
    let frames = await measure(runs) {
        for _ in 0..<50 {
            tick += 1
            render(
                state, theme: theme, size: Size(width: 200, height: 60), now: sessionTime.adding(seconds: Double(tick)),
                into: &spare)
            _ = BufferDiff.diff(previous, spare)
            swap(&previous, &spare)
        }
    }
    reportTime("render + diff, 200×60 watchlist frame", frames, per: 50, budget: "≤ 1000 µs")

    // MARK: - a pipeline update to a frame ready for ncurses: reducer + render + diff, every price changed

    /// The same 60 rows with every last price moved by a cent.
    func moved(_ rows: [WatchlistRow], by cents: Int) -> [WatchlistRow] {
        rows.map { row in
            var row = row
            let last = row.quote?.value.lastPrice ?? 0
            row.quote?.value.lastPrice = last + Double(cents) / 100
            return row
        }
    }
    let updates = (0..<2).map { k in
        DashboardUpdate(
            market: DashboardSnapshot(generation: UInt64(k + 2), origin: .simulated, watchlist: moved(rows, by: k + 1)))
    }
    var latencies: [Double] = []
    for iteration in 0..<(runs * 400) {
        // Generations only grow (the reducer ignores an older one).
        var next = updates[iteration % 2]
        next.market.generation = UInt64(iteration + 10)
        let start = ContinuousClock.now
        _ = update(&state, .update(next))
        render(state, theme: theme, size: Size(width: 200, height: 60), now: sessionTime, into: &spare)
        _ = BufferDiff.diff(previous, spare)
        swap(&previous, &spare)
        let elapsed = ContinuousClock.now - start
        latencies.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
    }
    latencies.sort()
    print(
        String(
            format: "update → frame (reducer + render + diff), 200×60, every price changed: "
                + "p50 %.0f µs, p99 %.0f µs, max %.0f µs (%d updates) — budget p99 ≤ 5000 µs (response → painted)",
            latencies[latencies.count / 2], latencies[latencies.count * 99 / 100], latencies.last!, latencies.count))
}

// MARK: - The market-data stream: quote messages through decode → stages → store (issue 10)

/// 10 000 quote messages over 200 symbols in frames of 100, as Alpaca batches them, in both
/// framings; each symbol's quotes move forward in time so every one is accepted.
let streamSymbols = Array(symbols.prefix(200))
let streamEntries = try AlpacaClient.decodeStockSnapshots(body)
var jsonFrames: [[UInt8]] = []
var packFrames: [[UInt8]] = []
var frameText = "["
var frameWriter = MessagePackWriter()
var inFrame = 0
for index in 0..<10_000 {
    let symbol = streamSymbols[index % 200]
    guard case .value(let wire)? = streamEntries[symbol], let quote = wire.latestQuote, let time = quote.time else {
        fatalError("no quote for \(symbol)")
    }
    let at = time.adding(seconds: 0.001 * Double(index / 200 + 1))
    let bid = quote.bidPrice ?? 1
    let ask = quote.askPrice ?? 2
    if inFrame == 0 {
        frameText = "["
        frameWriter = MessagePackWriter(capacity: 100 * 96)
        frameWriter.writeArrayHeader(100)
    } else {
        frameText += ","
    }
    frameText +=
        #"{"T":"q","S":"\#(symbol)","bx":"V","bp":\#(bid),"bs":300,"ax":"Q","ap":\#(ask),"as":200,"t":"\#(at.rfc3339)","c":["R"],"z":"C"}"#
    frameWriter.writeMapHeader(11)
    for (key, value) in [("T", "q"), ("S", symbol), ("bx", "V"), ("ax", "Q"), ("z", "C")] {
        frameWriter.write(key)
        frameWriter.write(value)
    }
    frameWriter.write("bp")
    frameWriter.write(bid)
    frameWriter.write("ap")
    frameWriter.write(ask)
    frameWriter.write("bs")
    frameWriter.write(Int64(300))
    frameWriter.write("as")
    frameWriter.write(Int64(200))
    frameWriter.write("t")
    frameWriter.writeTimestamp(seconds: at.wholeSeconds, nanoseconds: at.nanoseconds - at.wholeSeconds * 1_000_000_000)
    frameWriter.write("c")
    frameWriter.writeArrayHeader(1)
    frameWriter.write("R")
    inFrame += 1
    if inFrame == 100 {
        jsonFrames.append(Array((frameText + "]").utf8))
        packFrames.append(frameWriter.bytes)
        inFrame = 0
    }
}

for (name, framing, frames) in [("JSON", StreamFraming.json, jsonFrames), ("MessagePack", .msgpack, packFrames)] {
    let decodeStream = await measure(runs) {
        for frame in frames { precondition(StreamDecoder.decode(frame, framing: framing).count == 100) }
    }
    report("stream \(name) quotes: decode only", decodeStream, items: 10_000, unit: "msgs", budget: "—")
}

// The whole path: a service seeded from the simulator's snapshots (so every quote has its base),
// then every frame through decode → merge → stages → the ordered store → the cache. Each run
// starts from a fresh seed, so every message is newer than the one held.
for (name, framing, frames) in [("JSON", StreamFraming.json, jsonFrames), ("MessagePack", .msgpack, packFrames)] {
    var samples: [Double] = []
    for run in 0..<(runs + 2) {
        var hosts = AlpacaClient.Configuration(hosts: AlpacaHosts(trading: server.baseURL, data: server.baseURL))
        hosts.retry = RetryPolicy(base: 0.05, cap: 0.2)
        let service = MarketDataService(
            client: AlpacaClient(configuration: hosts, transport: transport), now: { sessionTime })
        _ = try await service.quotes(streamSymbols)
        let start = ContinuousClock.now
        var accepted = 0
        for frame in frames {
            for outcome in await service.ingest(StreamDecoder.decode(frame, framing: framing)) {
                if case .accepted = outcome { accepted += 1 }
            }
        }
        let elapsed = ContinuousClock.now - start
        precondition(accepted == 10_000, "every benchmark quote is accepted (\(accepted))")
        if run >= 2 {
            samples.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }
    report(
        "stream \(name) quotes: decode → stages → store → cache", samples.sorted(), items: 10_000, unit: "msgs",
        budget: "≥ 1 M/s and ≥ 20× alpaca-py")
}

// The same MessagePack frames on disk, for alpaca-py's own rate (msgpack.unpackb + its Quote model)
// measured in this run when scripts/alpaca-py-stream.sh has made its venv, and for
// scripts/bench-libmsgpack.c (libmsgpack-c's decode of the same frames).
var framesFile = Data()
for frame in packFrames {
    var length = UInt32(frame.count).bigEndian
    framesFile.append(Data(bytes: &length, count: 4))
    framesFile.append(contentsOf: frame)
}
let framesPath = NSTemporaryDirectory() + "alpaca-dash-stream-frames.msgpack"
try framesFile.write(to: URL(fileURLWithPath: framesPath))
print("stream frames for other decoders: \(framesPath)")
let venvPython = ".build/alpaca-py-venv/bin/python"
if FileManager.default.isExecutableFile(atPath: venvPython) {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: venvPython)
    python.arguments = ["scripts/bench-alpaca-py.py", framesPath, String(runs)]
    let pipe = Pipe()
    python.standardOutput = pipe
    try python.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    python.waitUntilExit()
    let figures = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if figures.count >= 3 {
        print(
            String(
                format:
                    "alpaca-py 0.44 StockDataStream quotes (msgpack.unpackb + Quote): median %.1f k msgs/s (min %.1f k, max %.1f k)",
                figures[0] / 1e3, figures[1] / 1e3, figures[2] / 1e3))
    } else {
        print("alpaca-py comparison failed: \(output)")
    }
} else {
    print("alpaca-py comparison skipped: run scripts/alpaca-py-stream.sh once to make its venv")
}

await server.stop()
