public import AlpacaAPI
public import AlpacaStream
import MarketModel

extension MarketDataService {
    /// The most contracts held for the option stream (a chain of 300 strikes has 600).
    static let optionSeedLimit = 2_000

    /// Holds a freshly fetched chain's contracts as the base of their streamed quotes and trades,
    /// replacing any other chain's: only the open chain is streamed.
    func seedOptionStream(
        _ view: OptionChainView, batch: BatchResult<WireOptionSnapshot>, listings: [String: WireOptionContract]
    ) {
        var seeds = optionSeeds.filter { $0.value.underlying == view.underlying }
        for row in view.rows {
            for cell in [row.call, row.put].compactMap({ $0 }) {
                let key = cell.contract.description
                guard case .value(let wire)? = batch.entries[key], let quote = cell.quote else { continue }
                guard seeds[key] != nil || seeds.count < Self.optionSeedLimit else { continue }
                if let kept = seeds[key]?.kept, kept.delivery == .stream,
                    Self.regression(quote: Self.times(quote), after: Self.times(kept)) != nil
                {
                    continue  // the stream is ahead of this chain snapshot; keep its value
                }
                seeds[key] = OptionStreamSeed(
                    snapshot: wire, underlying: view.underlying, listing: listings[key], spot: view.underlyingPrice,
                    kept: quote)
            }
        }
        optionSeeds = seeds
    }

    /// One streamed option quote or trade through the option stages, against the contract's held
    /// value: accepted, out of order (V011), superseded by a later chain snapshot, or rejected.
    func ingestOption(_ message: StreamMessage, contract: String, context: StageContext) -> StreamIngestOutcome {
        guard var seed = optionSeeds[contract] else { return .awaitingSeed(symbol: contract) }
        let merged = Self.merge(message, into: seed.snapshot)
        let spot = held[seed.underlying].flatMap { $0.value.lastPrice } ?? seed.spot
        let result = stages.processOptions(
            [contract], batch: BatchResult(entries: [contract: .value(merged)]), underlying: seed.underlying,
            listings: seed.listing.map { [contract: $0] } ?? [:], underlyingPrice: spot, context: context)[0].result
        switch result {
        case .success(var quote):
            if let kept = seed.kept, let regression = Self.regression(quote: Self.times(quote), after: Self.times(kept))
            {
                if kept.delivery != .stream { return .superseded(symbol: contract) }
                let failure = context.failure(.dataValidationError, Rules.ordering, contract, regression)
                journal.record(failure, at: context.now)
                return .outOfOrder(failure)
            }
            quote.delivery = .stream
            seed.snapshot = merged
            seed.kept = quote
            optionSeeds[contract] = seed
            return .optionAccepted(quote)
        case .failure(let failure):
            journal.record(failure, at: context.now)
            return .rejected(failure)
        }
    }

    /// A contract's snapshot with one stream message's part replaced (pure: the option stream's
    /// merge step; the option stream has only quotes and trades).
    public static func merge(_ message: StreamMessage, into base: WireOptionSnapshot) -> WireOptionSnapshot {
        var merged = base
        switch message {
        case .quote(_, let quote): merged.latestQuote = quote
        case .trade(_, let trade): merged.latestTrade = trade
        default: break
        }
        return merged
    }

    private static func times(_ quote: ProcessedOptionQuote) -> (quote: Timestamp?, trade: Timestamp?) {
        (quote.value.quoteTime, quote.value.tradeTime)
    }
}
