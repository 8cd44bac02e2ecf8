import AlpacaSimulator
import MarketModel
import Pipeline
import SimulatorTestSupport
import TTLCache
import Testing

/// The service's cache against what the simulator really saw.
@Suite(.timeLimit(.minutes(1)))
struct ServiceCacheTests {
    @Test func reportedHitRateEqualsWhatTheSimulatorSaw() async throws {
        try await PipelineHarness.with { harness in
            for _ in 0..<10 { _ = try await harness.service.quotes(["AAPL"]) }
            let sim = harness.upstream.server.stats
            let snapshotCalls = sim.requests(to: "/v2/stocks/snapshots")
            // The real-time class holds the quotes and the market clock (fetched once first).
            let upstreamCalls = snapshotCalls + sim.requests(to: "/v2/clock")
            let stats = await harness.service.cache.stats(for: .realTime)
            #expect(snapshotCalls == 1)
            #expect(stats.misses == upstreamCalls)
            #expect(stats.hits == 9)
            #expect(stats.hitRate == Double(stats.hits) / Double(stats.hits + upstreamCalls))
            let second = try await harness.service.quotes(["AAPL"])
            #expect(second[0].result.value?.delivery == .cache)
        }
    }

    @Test func concurrentChainRequestsMakeOneUpstreamCall() async throws {
        try await PipelineHarness.with { harness in
            let service = harness.service
            _ = await service.marketClock()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<50 {
                    group.addTask { _ = try await service.optionChain("AAPL").get() }
                }
                try await group.waitForAll()
            }
            let stats = harness.upstream.server.stats
            #expect(stats.requests(to: "/v1beta1/options/snapshots/AAPL") == 1)
            #expect(stats.requests(to: "/v2/options/contracts") == 1)
            #expect(stats.requests(to: "/v2/stocks/snapshots") <= 2)
        }
    }

    @Test func bypassGoesUpstreamAndRefillsTheCache() async throws {
        try await PipelineHarness.with { harness in
            _ = try await harness.service.quotes(["AAPL"])
            _ = try await harness.service.quotes(["AAPL"], bypassCache: true)
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 2)
            let third = try await harness.service.quotes(["AAPL"])
            #expect(third[0].result.value?.delivery == .cache)
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 2)
        }
    }

    @Test func upstreamFailureIsTypedPerSymbolAndNotCached() async throws {
        try await PipelineHarness.with { harness in
            harness.market.setErrorMessage(path: "/v2/stocks/snapshots", status: 503, message: "maintenance")
            let failed = try await harness.quotes(["AAPL", "MSFT"], bypass: false)
            let failure = try #require(failed["AAPL"]?.failure)
            #expect(failure.code == .upstreamError)
            #expect(failure.httpStatus == 503)
            #expect(failure.message.contains("maintenance"))
            #expect(failed["MSFT"]?.failure?.code == .upstreamError)
            #expect(harness.upstream.server.stats.requests(to: "/v2/stocks/snapshots") == 3, "3 attempts")
            harness.market.setErrorMessage(path: "/v2/stocks/snapshots", status: 503, message: nil)
            let recovered = try await harness.quotes(["AAPL"], bypass: false)
            #expect(recovered["AAPL"]?.value != nil)
        }
    }
}
