import ArgumentParser
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash bars SYMBOL [--timeframe 1Day] [--limit N]`: validated historical bars.
struct BarsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bars", abstract: "Validated historical bars of one symbol.")

    @Argument(help: "The ticker.")
    var symbol: String

    @Option(help: "Bar timeframe: 1Min, 5Min, 15Min, 1Hour, 1Day.")
    var timeframe: String = "1Day"

    @Option(help: "How many bars (the newest).")
    var limit: Int = 30

    @Flag(help: "Print JSON Lines instead of a table.")
    var json = false

    @OptionGroup var upstream: UpstreamOptions

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be 1…10000") }
        guard BarTimeframe(timeframe) != nil else {
            throw ValidationError("--timeframe must be 1-59Min, 1-23Hour, 1Day, 1Week or 1, 2, 3, 4, 6 or 12Month")
        }
    }

    func run() async throws {
        let connection = try await UpstreamConnection.open(
            upstream, environment: ProcessInfo.processInfo.environment, audit: true)
        let ticker = symbol.uppercased()
        let result = await connection.service().bars(ticker, timeframe: timeframe, limit: limit)
        await connection.close()
        switch result {
        case .failure(let failure):
            Console.out(json ? RecordFormatter.errorLine(ticker, failure) : "\(ticker): \(failure)\n")
            throw ExitStatus(code: ExitPolicy.status(failures: [failure], successes: 0))
        case .success(let bars):
            var out = ""
            var table = TextTable(["time", "open", "high", "low", "close", "volume", "trades", "vwap"])
            for bar in bars {
                if json {
                    var line = JSONLine()
                    line.add("symbol", ticker)
                    line.add("timestamp", bar.time.rfc3339)
                    line.add("open", bar.open)
                    line.add("high", bar.high)
                    line.add("low", bar.low)
                    line.add("close", bar.close)
                    line.add("volume", bar.volume)
                    line.add("trade_count", bar.tradeCount)
                    line.add("vwap", bar.vwap)
                    line.add("data_source", connection.dataSource.rawValue)
                    out += line.finished()
                } else {
                    table.add([
                        bar.time.rfc3339, TextTable.number(bar.open), TextTable.number(bar.high),
                        TextTable.number(bar.low),
                        TextTable.number(bar.close), TextTable.integer(bar.volume), TextTable.integer(bar.tradeCount),
                        TextTable.number(bar.vwap, decimals: 4),
                    ])
                }
            }
            if !json {
                out += table.rendered
                if connection.origin == .simulated { out += "(SIMULATED data)\n" }
            }
            Console.out(out)
        }
    }
}
