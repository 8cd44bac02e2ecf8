// fuzz-config: the config file parser, `ConfigFile.parse(_:path:)` (bytes only, no file), then
// what the program makes of an accepted file: `pipelineConfiguration` and `intervals` must be
// finite and inside the documented ranges (`ConfigFile.refreshRange` etc.), the stages must run
// with that configuration, and the file must survive the program's own re-encoding (the
// watchlist save path) unchanged.
//
// Input: the file's bytes.

import AlpacaAPI
import DashConfig
import Foundation
import FuzzSupport
import MarketModel
import Pipeline

func inRange(_ value: Double, _ range: ClosedRange<Double>, _ name: String) {
    require(value.isFinite && range.contains(value), "\(name) is \(value), outside \(range)")
}

/// A clean snapshot body for the stages to chew on with the fuzzed thresholds.
let body = Array(
    """
    {"AAPL":{"latestTrade":{"t":"2024-03-15T14:29:58Z","p":187.25,"s":100},
    "latestQuote":{"t":"2024-03-15T14:29:59Z","bp":187.2,"ap":187.3,"bs":3,"as":2},
    "dailyBar":{"t":"2024-03-15T04:00:00Z","o":186,"h":188,"l":185.5,"c":187.25,"v":52345678},
    "prevDailyBar":{"t":"2024-03-14T04:00:00Z","o":185,"h":186,"l":184,"c":185.5,"v":50000000}},
    "OLD":{"latestTrade":{"t":"2024-03-14T14:29:58Z","p":10,"s":1}}}
    """.utf8)

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = ByteReader(data, count).bytes
    let path = "/fuzz/config.json"
    let config: ConfigFile
    do throws(ConfigError) {
        config = try ConfigFile.parse(Data(bytes), path: path)
    } catch {
        require(error.path == path, "error names another path")
        // The message names the key, never the file's own text (beyond what a key path quotes).
        _ = error.description
        return 0
    }

    let pipeline = config.pipelineConfiguration
    inRange(pipeline.stalenessLimit, ConfigFile.stalenessRange, "stalenessLimit")
    inRange(pipeline.clockSkewTolerance, ConfigFile.clockSkewRange, "clockSkewTolerance")
    inRange(pipeline.maxMoveFromPreviousClose, ConfigFile.maxMoveRange, "maxMoveFromPreviousClose")
    require(
        ConfigFile.qualityScoreRange.contains(pipeline.minimumQualityScore),
        "minimumQualityScore is \(pipeline.minimumQualityScore)")
    let intervals = config.intervals
    for (name, value) in [
        ("watchlist", intervals.watchlist), ("clock", intervals.clock), ("chain", intervals.chain),
        ("bars", intervals.bars),
    ] {
        inRange(value, ConfigFile.refreshRange, "refresh.\(name)")
    }
    if let watchlist = config.watchlist {
        require(watchlist.count <= ConfigFile.maxWatchlistCount, "watchlist of \(watchlist.count)")
        for symbol in watchlist { require(symbol.utf8.count <= 64, "symbol of \(symbol.utf8.count) bytes") }
    }
    if let theme = config.theme { require(theme.utf8.count <= 4096, "theme of \(theme.utf8.count) bytes") }
    // An accepted file's alert rules all parse, with finite thresholds inside the bound.
    require(config.alertRules.count == (config.alerts ?? []).count, "an accepted alert rule does not parse")
    for rule in config.alertRules {
        require(
            rule.threshold.isFinite && abs(rule.threshold) <= AlertRule.maximumMagnitude * 3600
                && rule.hysteresis.isFinite && rule.hysteresis >= 0, "rule \(rule.text) has \(rule.threshold)")
    }

    // The stages run with these thresholds, open and closed, without trapping.
    guard let entries = try? AlpacaClient.decodeStockSnapshots(body) else { violated("fixture body") }
    let batch = BatchResult(entries: entries, requestCount: 1)
    let processor = QuoteProcessor(metrics: nil)
    for context in [Scene.openContext(pipeline), Scene.weekendContext(pipeline)] {
        for (_, result) in processor.processStocks(["AAPL", "OLD"], batch: batch, context: context) {
            if case .success(let quote) = result { PassedChecks.stock(quote, context: context) }
        }
    }

    // Saving re-encodes the file (`saveWatchlist`); what it writes must parse back the same.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    guard let encoded = try? encoder.encode(config) else { violated("an accepted file does not encode") }
    do throws(ConfigError) {
        let again = try ConfigFile.parse(encoded, path: path)
        require(again == config, "the re-encoded file parses to another configuration")
    } catch {
        violated("the re-encoded file is refused: \(error.message)")
    }
    return 0
}
