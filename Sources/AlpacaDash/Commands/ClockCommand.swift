import ArgumentParser
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash clock`: the market clock.
struct ClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clock", abstract: "The market clock.")

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var upstream: UpstreamOptions

    func run() async throws {
        let connection = try await UpstreamConnection.open(
            upstream, environment: ProcessInfo.processInfo.environment, audit: true)
        let service = connection.service()
        let result = await service.marketClock()
        await connection.close()
        switch result {
        case .failure(let failure):
            Console.out(json ? RecordFormatter.errorLine("clock", failure) : "clock: \(failure)\n")
            throw ExitStatus(code: ExitPolicy.status(failures: [failure], successes: 0))
        case .success(let clock):
            let offset = NewYorkTime.offset(at: clock.timestamp)
            if json {
                var line = JSONLine()
                line.add("timestamp", clock.timestamp.rfc3339(offsetSeconds: offset))
                line.add("is_open", clock.isOpen)
                line.add("next_open", clock.nextOpen.rfc3339(offsetSeconds: NewYorkTime.offset(at: clock.nextOpen)))
                line.add("next_close", clock.nextClose.rfc3339(offsetSeconds: NewYorkTime.offset(at: clock.nextClose)))
                line.add("market_status", clock.session.rawValue)
                line.add("data_source", connection.dataSource.rawValue)
                Console.out(line.finished())
            } else {
                var out = "market \(clock.isOpen ? "OPEN" : "CLOSED") (\(clock.session.rawValue))\n"
                out += "now         \(clock.timestamp.rfc3339(offsetSeconds: offset))\n"
                out += "next open   \(clock.nextOpen.rfc3339(offsetSeconds: NewYorkTime.offset(at: clock.nextOpen)))\n"
                out +=
                    "next close  \(clock.nextClose.rfc3339(offsetSeconds: NewYorkTime.offset(at: clock.nextClose)))\n"
                if connection.origin == .simulated { out += "(SIMULATED data)\n" }
                Console.out(out)
            }
        }
    }
}
