import ArgumentParser
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash chain UNDERLYING [--expiry YYYY-MM-DD]`: one expiration of the option chain.
struct ChainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain", abstract: "The option chain of an underlying for one expiration (the nearest by default)."
    )

    @Argument(help: "The underlying symbol.")
    var underlying: String

    @Option(help: "Expiration date, YYYY-MM-DD.")
    var expiry: String?

    @Flag(help: "Print JSON Lines (one object per contract) instead of a table.")
    var json = false

    @OptionGroup var upstream: UpstreamOptions

    func validate() throws {
        if let expiry, CalendarDate(iso: expiry) == nil { throw ValidationError("--expiry must be YYYY-MM-DD") }
    }

    func run() async throws {
        let connection = try await UpstreamConnection.open(
            upstream, environment: ProcessInfo.processInfo.environment, audit: true)
        let service = connection.service()
        let symbol = underlying.uppercased()
        let result = await service.optionChain(symbol, expiration: expiry.flatMap { CalendarDate(iso: $0) })
        await connection.close()
        switch result {
        case .failure(let failure):
            Console.out(json ? RecordFormatter.errorLine(symbol, failure) : "\(symbol): \(failure)\n")
            throw ExitStatus(code: ExitPolicy.status(failures: [failure], successes: 0))
        case .success(let view):
            var out = ""
            var failures: [PipelineFailure] = []
            var successes = 0
            var table = TextTable([
                "call bid", "ask", "last", "iv", "delta", "strike", "put bid", "ask", "last", "iv", "delta",
            ])
            for row in view.rows {
                var cells: [String] = []
                for (index, cell) in [row.call, row.put].enumerated() {
                    guard let cell else {
                        cells += Array(repeating: "", count: 5)
                        if index == 0 { cells.append(TextTable.number(row.strike)) }
                        continue
                    }
                    if let quote = cell.quote {
                        successes += 1
                        if json { out += RecordFormatter.json(cell.contract.description, .success(quote)) }
                        let q = quote.value
                        cells += [
                            TextTable.number(q.bidPrice), TextTable.number(q.askPrice), TextTable.number(q.lastPrice),
                            TextTable.number(q.impliedVolatility, decimals: 3),
                            TextTable.number(q.greeks?.delta, decimals: 3),
                        ]
                    } else if let failure = cell.failure {
                        if failure.code != .dataUnavailable { failures.append(failure) }
                        if json {
                            out += RecordFormatter.json(
                                cell.contract.description,
                                Result<ProcessedOptionQuote, PipelineFailure>.failure(failure))
                        }
                        cells += ["✗ " + (failure.rule?.rawValue ?? failure.code.rawValue), "", "", "", ""]
                    }
                    if index == 0 { cells.append(TextTable.number(row.strike)) }
                }
                table.add(cells)
            }
            if !json {
                out +=
                    "\(symbol) \(view.selectedExpiration?.description ?? "")  underlying \(TextTable.number(view.underlyingPrice))"
                out += "  expirations: \(view.expirations.map(\.description).joined(separator: " "))\n"
                out += table.rendered
                if connection.origin == .simulated { out += "(SIMULATED data)\n" }
            }
            Console.out(out)
            let status = ExitPolicy.status(failures: failures, successes: successes)
            if status != 0 { throw ExitStatus(code: status) }
        }
    }
}
