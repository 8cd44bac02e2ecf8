import AlpacaAPI
import AlpacaSimulator
import Foundation
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The demo a newcomer sees: a market forced open at night or at a weekend, and the first minutes
/// of a real session, pass the whole pipeline for every default symbol near its reference level.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct DemoSessionTests {
    static let defaultWatchlist = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "AMD"]

    static func quotes(
        at time: Timestamp, mode: MarketMode
    ) async throws -> (
        clock: MarketClock?, results: [(symbol: String, result: Result<ProcessedStockQuote, PipelineFailure>)]
    ) {
        try await SimulatedUpstream.with(SimulatedUpstream.configuration(at: time, mode: mode)) { upstream in
            var configuration = PipelineConfiguration()
            configuration.dataSource = .simulator
            let service = MarketDataService(client: upstream.client(), configuration: configuration, now: { time })
            let clock = try? await service.marketClock().get()
            return (clock, try await service.quotes(Self.defaultWatchlist))
        }
    }

    @Test(arguments: [
        "2024-03-16T17:00:00Z",  // Saturday 13:00
        "2024-03-13T03:30:00Z",  // Tuesday 23:30, after the real session
        "2024-03-12T12:00:00Z",  // Tuesday 08:00, before it
        "2024-03-17T03:59:30Z",  // Saturday 23:59:30 (EDT), just before the virtual session ends
    ])
    func aForcedOpenMarketOutsideARealSessionPassesEveryRule(_ time: String) async throws {
        let instant = try #require(Timestamp(rfc3339: time))
        let (clock, results) = try await Self.quotes(at: instant, mode: .open)
        #expect(clock?.isOpen == true)
        for (symbol, result) in results {
            guard case .success(let quote) = result else {
                Issue.record("\(symbol) at \(time): \(result)")
                continue
            }
            // The daily bar is today's virtual session, so the last trade sits inside it.
            let daily = try #require(quote.value.dailyBar)
            #expect(NewYorkTime(daily.time).date == NewYorkTime(instant).date, "\(symbol)")
            #expect(quote.value.previousClose != nil, "\(symbol)")
        }
    }

    @Test(arguments: ["2024-03-12T13:30:20Z", "2024-03-12T13:31:05Z", "2024-03-12T13:33:40Z"])
    func theFirstMinutesOfARealSessionPassTheVolumeRule(_ time: String) async throws {
        let instant = try #require(Timestamp(rfc3339: time))
        let (_, results) = try await Self.quotes(at: instant, mode: .auto)
        for (symbol, result) in results {
            if case .failure(let failure) = result { Issue.record("\(symbol) at \(time): \(failure)") }
        }
    }

    @Test func theDefaultSymbolsStartNearTheirReferenceLevels() async throws {
        let (_, results) = try await Self.quotes(at: SimulatedUpstream.sessionTime, mode: .auto)
        let levels: [String: Double] = [
            "AAPL": 230, "MSFT": 430, "NVDA": 140, "AMZN": 210, "GOOGL": 175, "META": 590, "TSLA": 330, "SPY": 600,
            "QQQ": 520, "AMD": 150,
        ]
        for (symbol, result) in results {
            let last = try #require(try result.get().value.lastPrice, "\(symbol)")
            let level = try #require(levels[symbol])
            #expect(last > level * 0.6 && last < level * 1.6, "\(symbol) at \(last), reference \(level)")
        }
    }
}
