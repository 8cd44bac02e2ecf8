import ArgumentParser
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash quote SYMBOL...`: one pipeline pass over stock or OCC option symbols, then exit.
struct QuoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote", abstract: "One pipeline pass over stock or OCC option symbols, then exit.")

    @Argument(help: "Stock tickers (AAPL, BRK.B) or OCC option symbols (AAPL240126P00050000).")
    var symbols: [String]

    @Flag(help: "Print JSON Lines instead of a table.")
    var json = false

    @OptionGroup var upstream: UpstreamOptions

    func run() async throws {
        let connection = try await UpstreamConnection.open(
            upstream, environment: ProcessInfo.processInfo.environment, audit: true)
        let service = connection.service()
        let requested = symbols.map { $0.uppercased() }
        let optionSymbols = requested.filter { OCCSymbol($0) != nil }
        let stockSymbols = requested.filter { OCCSymbol($0) == nil }
        let stocks = try await service.quotes(stockSymbols)
        let options = try await service.optionQuotes(optionSymbols)
        await connection.close()

        var stockResults: [String: Result<ProcessedStockQuote, PipelineFailure>] = [:]
        for (symbol, result) in stocks { stockResults[symbol] = result }
        var optionResults: [String: Result<ProcessedOptionQuote, PipelineFailure>] = [:]
        for (symbol, result) in options { optionResults[symbol] = result }

        var failures: [PipelineFailure] = []
        var successes = 0
        var table = TextTable(["symbol", "bid", "ask", "last", "volume", "spread", "quality", "age", "source"])
        var errors = TextTable(["symbol", "error", "rule", "message"])
        var out = ""
        // One row (or error) per requested symbol, in the order given; stocks and options alike.
        for symbol in requested {
            let line: String
            let outcome: Result<[String], PipelineFailure>
            if let result = stockResults[symbol] {
                line = RecordFormatter.json(symbol, result)
                outcome = result.map { p in
                    Self.row(
                        symbol, p.value.bidPrice, p.value.askPrice, p.value.lastPrice, p.value.volume, p.enrichment,
                        p.delivery)
                }
            } else if let result = optionResults[symbol] {
                line = RecordFormatter.json(symbol, result)
                outcome = result.map { p in
                    Self.row(
                        symbol, p.value.bidPrice, p.value.askPrice, p.value.lastPrice, p.value.volume, p.enrichment,
                        p.delivery)
                }
            } else {
                continue
            }
            if json { out += line }
            switch outcome {
            case .success(let row):
                successes += 1
                table.add(row)
            case .failure(let f):
                failures.append(f)
                errors.add([symbol, f.code.rawValue, f.rule?.rawValue ?? "—", f.message])
            }
        }
        if !json {
            if successes > 0 { out += table.rendered }
            if !failures.isEmpty { out += (successes > 0 ? "\n" : "") + errors.rendered }
            if connection.origin == .simulated { out += "(SIMULATED data)\n" }
        }
        Console.out(out)
        let status = ExitPolicy.status(failures: failures, successes: successes)
        if status != 0 { throw ExitStatus(code: status) }
    }

    static func row(
        _ symbol: String, _ bid: Double?, _ ask: Double?, _ last: Double?, _ volume: Int64?, _ e: Enrichment,
        _ delivery: Delivery
    ) -> [String] {
        [
            symbol, TextTable.number(bid), TextTable.number(ask), TextTable.number(last), TextTable.integer(volume),
            TextTable.number(e.spread, decimals: 4), "\(e.quality.score)",
            e.dataAgeSeconds.map { "\(Int($0.rounded())) s" } ?? "—", e.dataSource.rawValue + "/" + delivery.rawValue,
        ]
    }
}
