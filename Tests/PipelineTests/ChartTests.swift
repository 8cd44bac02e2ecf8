import AlpacaAPI
import AlpacaSimulator
import FaultInjection
import Foundation
import MarketMetrics
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The chart's bars through the real pipeline against the simulator: each bar validated on its
/// own, a rejected bar kept as a gap with its rule id, never interpolated.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ChartTests {
    static func service(_ upstream: SimulatedUpstream) -> MarketDataService {
        var configuration = PipelineConfiguration()
        configuration.dataSource = .simulator
        let now = SimulatedUpstream.sessionTime
        return MarketDataService(client: upstream.client(), configuration: configuration, now: { now })
    }

    @Test(arguments: ChartSeries.timeframes)
    func everyTimeframeServesBarsThatPassThePipeline(_ timeframe: String) async throws {
        try await SimulatedUpstream.with { upstream in
            let series = await Self.service(upstream).chart("AAPL", timeframe: timeframe)
            #expect(series.failure == nil, "\(String(describing: series.failure))")
            #expect(series.slots.count >= 5, "\(timeframe): \(series.slots.count) bars")
            #expect(series.slots.count <= MarketDataService.chartBarLimit)
            #expect(series.rejectedRules.isEmpty)
            var previous: Timestamp?
            for case .bar(let bar) in series.slots {
                if let previous { #expect(bar.time > previous, "oldest first, in order") }
                previous = bar.time
            }
        }
    }

    @Test func aRejectedBarIsAGapWithItsRuleAndTheOthersStay() async throws {
        var configuration = SimulatedUpstream.configuration()
        configuration.faults = try FaultSpec.parse("zero/v2/stocks/bars=AAPL")
        try await SimulatedUpstream.with(configuration) { upstream in
            let service = Self.service(upstream)
            let series = await service.chart("AAPL", timeframe: "5Min")
            let rejected = series.slots.filter { if case .rejected = $0 { true } else { false } }
            let bars = series.slots.filter { if case .bar = $0 { true } else { false } }
            #expect(!rejected.isEmpty && bars.count > rejected.count, "\(rejected.count) of \(series.slots.count)")
            #expect(series.rejectedRules == [Rules.positivePrice])
            for case .rejected(let time, let failure) in series.slots {
                #expect(time != nil)
                #expect(failure.symbol == "AAPL" && failure.rule == Rules.positivePrice)
            }
            // Every gap is counted where ops look for it.
            #expect(service.journal.counts[Rules.positivePrice] == rejected.count)
            // Another symbol is untouched.
            #expect(await service.chart("MSFT", timeframe: "5Min").rejectedRules.isEmpty)
        }
    }

    @Test func theSchedulerRefreshesTheFocusedChartAndDropsItOnClose() async throws {
        try await RunningScheduler.with(watchlist: ["AAPL"]) { running in
            let (scheduler, updates) = (running.scheduler, running.updates)
            scheduler.send(.openChart(symbol: "NVDA", timeframe: "1Min"))
            let charted = await RefreshSchedulerTests.next(updates) { ($0.market.chart?.slots.count ?? 0) > 0 }
            #expect(charted?.market.chart?.symbol == "NVDA" && charted?.market.chart?.timeframe == "1Min")
            scheduler.send(.openChart(symbol: "NVDA", timeframe: "1Day"))
            let daily = await RefreshSchedulerTests.next(updates) {
                $0.market.chart?.timeframe == "1Day" && ($0.market.chart?.slots.count ?? 0) > 0
            }
            #expect(daily != nil)
            scheduler.send(.closeChart)
            let closed = await RefreshSchedulerTests.next(updates) { $0.market.chart == nil }
            #expect(closed != nil)
        }
    }
}
