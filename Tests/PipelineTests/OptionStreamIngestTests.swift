import AlpacaAPI
import AlpacaSimulator
import AlpacaStream
import MarketMetrics
import MarketModel
import SimulatorTestSupport
import Testing

@testable import Pipeline

/// Streamed option quotes and trades through the option stages, against the open chain's values.
@Suite struct OptionStreamIngestTests {
    /// A service with AAPL's nearest chain fetched, and one of its contracts with a quote.
    static func chained(
        _ upstream: SimulatedUpstream
    ) async throws -> (
        MarketDataService, OptionChainView, ProcessedOptionQuote
    ) {
        let service = MarketDataService(client: upstream.client(), now: { StreamIngestTests.now })
        let view = try await service.optionChain("AAPL").get()
        let cells = view.rows.flatMap { [$0.call, $0.put].compactMap { $0 } }
        let quote = try #require(cells.compactMap(\.quote).first { ($0.value.bidPrice ?? 0) > 0.5 })
        return (service, view, quote)
    }

    static func message(_ base: ProcessedOptionQuote, bid: Double, ask: Double, at time: Timestamp) -> StreamMessage {
        var wire = WireQuote()
        (wire.bidPrice, wire.askPrice, wire.bidSize, wire.askSize, wire.time) = (bid, ask, 5, 7, time)
        return .quote(symbol: base.value.contract.description, wire)
    }

    @Test func aNewerQuotePassesTheOptionStagesAndOlderOrCrossedOnesAreCounted() async throws {
        try await SimulatedUpstream.with { upstream in
            let (service, _, seed) = try await Self.chained(upstream)
            let time = try #require(seed.value.quoteTime)
            let (bid, ask) = (try #require(seed.value.bidPrice), try #require(seed.value.askPrice))
            // Around the chain's own prices, so the option rules (an ask above intrinsic value) hold.
            let outcomes = await service.ingest([
                Self.message(seed, bid: bid + 0.01, ask: ask + 0.02, at: time.adding(seconds: 0.5)),
                Self.message(seed, bid: bid, ask: ask, at: time.adding(seconds: 0.2)),
                Self.message(seed, bid: ask + 0.5, ask: ask, at: time.adding(seconds: 0.9)),
                .quote(symbol: "AAPL991231C09990000", WireQuote()),
            ])
            try #require(outcomes.count == 4, "\(outcomes)")
            guard case .optionAccepted(let quote) = outcomes[0] else {
                Issue.record("\(outcomes[0])")
                return
            }
            #expect(
                quote.delivery == .stream && quote.value.bidPrice == bid + 0.01 && quote.value.askPrice == ask + 0.02)
            // What the message did not carry is the chain's: the greeks, IV and open interest.
            #expect(quote.value.greeks == seed.value.greeks && quote.value.openInterest == seed.value.openInterest)
            guard case .outOfOrder(let older) = outcomes[1], case .rejected(let crossed) = outcomes[2] else {
                Issue.record("\(outcomes)")
                return
            }
            #expect(older.rule == Rules.ordering)
            #expect(crossed.rule != nil && crossed.symbol == seed.value.contract.description)
            #expect(outcomes[3] == .awaitingSeed(symbol: "AAPL991231C09990000"), "not in the open chain")
            let counts = service.journal.counts
            let rule = try #require(crossed.rule)
            #expect(counts[Rules.ordering] == 1 && counts[rule] == 1)
        }
    }

    /// The scheduler puts a streamed option quote in the published chain's cell, and a chain
    /// snapshot fetched afterwards does not put an older price back.
    @Test func theSchedulerPublishesAStreamedContractInTheChain() async throws {
        try await RunningScheduler.with(watchlist: ["AAPL"]) { running in
            let (scheduler, updates) = (running.scheduler, running.updates)
            scheduler.send(.openChain(underlying: "AAPL", expiration: nil))
            let opened = await RefreshSchedulerTests.next(updates) { ($0.market.chain?.rows.count ?? 0) > 0 }
            let chain = try #require(opened?.market.chain)
            let seed = try #require(
                chain.rows.compactMap { $0.call?.quote }.first { ($0.value.bidPrice ?? 0) > 0.5 })
            let (bid, ask) = (try #require(seed.value.bidPrice), try #require(seed.value.askPrice))
            // Newer than any snapshot the refetch below can answer with, within the 5 s skew (V008).
            let time = Timestamp.now().adding(seconds: 3)
            await scheduler.ingestStream([Self.message(seed, bid: bid + 0.01, ask: ask + 0.01, at: time)])
            let streamed = await RefreshSchedulerTests.next(updates) { update in
                update.market.chain?.rows.contains { $0.call?.quote?.delivery == .stream } == true
            }
            let cell = try #require(
                streamed?.market.chain?.rows.compactMap(\.call).first { $0.contract == seed.value.contract })
            #expect(cell.quote?.value.bidPrice == bid + 0.01)
            // A refetch (the reseed after a subscribe) answers with the chain's older quote.
            await scheduler.reseedChain()
            let refetched = await RefreshSchedulerTests.next(updates) {
                ($0.market.chain?.fetchedAt ?? Timestamp(seconds: 0)) > (chain.fetchedAt ?? Timestamp(seconds: 0))
            }
            let kept = refetched?.market.chain?.rows.compactMap(\.call).first { $0.contract == seed.value.contract }
            #expect(kept?.quote?.value.bidPrice == bid + 0.01, "the newer streamed quote stays")
        }
    }
}
