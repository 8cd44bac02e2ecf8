public import AlpacaAPI
public import MarketModel
import TTLCache

extension MarketDataService {
    /// The contract listings of an underlying for the next `days` days (reference data, cached 24 h).
    public func contracts(
        _ underlying: String, days: Int = 60, bypassCache: Bool = false
    ) async throws
        -> [WireOptionContract]
    {
        let client = self.client
        let today = NewYorkTime(context().now).date
        let (value, _) = try await cache.value(for: "contracts:\(underlying)", class: .reference, bypass: bypassCache) {
            let filter = OptionChainFilter(expirationDateGTE: today, expirationDateLTE: today.adding(days: days))
            let batch = try await client.optionContracts(underlyings: [underlying], filter: filter)
            return .contracts(batch.entries.values.compactMap(\.value).sorted { $0.symbol < $1.symbol })
        }
        guard case .contracts(let list) = value else { return [] }
        return list
    }

    /// The option chain of one underlying and expiration, every contract through the pipeline.
    ///
    /// Listings come from `/v2/options/contracts` (open interest, the expiration list), quotes and
    /// greeks from the chain snapshot endpoint filtered to the expiration. Concurrent calls for
    /// the same chain make one upstream request (single-flight), and the result is cached as
    /// real-time data.
    /// - Parameters:
    ///   - underlying: The underlying symbol.
    ///   - expiration: The expiration to show; nil for the nearest.
    ///   - bypassCache: Skip the cache (the `r` key).
    public func optionChain(
        _ underlying: String, expiration: CalendarDate? = nil, bypassCache: Bool = false
    ) async
        -> Result<OptionChainView, PipelineFailure>
    {
        if context().clock == nil { _ = await marketClock() }
        let context = context()
        guard SymbolFormat.isStock(underlying) else {
            return .failure(context.failure(.dataValidationError, Rules.symbolFormat, underlying, "not a stock symbol"))
        }
        do {
            let listings = try await contracts(underlying, bypassCache: bypassCache)
            let today = NewYorkTime(context.now).date
            let expirations = Array(Set(listings.map(\.expirationDate))).filter { $0 >= today }.sorted()
            guard let chosen = expiration ?? expirations.first else {
                return .failure(
                    PipelineFailure(code: .dataUnavailable, symbol: underlying, message: "no listed option contracts"))
            }
            let spot = try await underlyingPrice(underlying)
            let client = self.client
            let processor = QuoteProcessor(metrics: metrics)
            let journal = self.journal
            let forExpiry = listings.filter { $0.expirationDate == chosen }
            let fetched = FetchedChain()
            let (value, _) = try await cache.value(
                for: "chain:\(underlying):\(chosen)", class: .realTime, bypass: bypassCache
            ) {
                let batch = try await client.optionChain(underlying, filter: OptionChainFilter(expirationDate: chosen))
                fetched.set(batch)
                var keys = Set(forExpiry.map(\.symbol))
                keys.formUnion(batch.entries.keys)
                let byKey = Dictionary(forExpiry.map { ($0.symbol, $0) }) { a, _ in a }
                let processed = processor.processOptions(
                    keys.sorted(), batch: batch, underlying: underlying, listings: byKey, underlyingPrice: spot,
                    context: context)
                var rows: [Int: OptionChainView.Row] = [:]
                for (key, result) in processed {
                    if case .failure(let failure) = result, failure.rule != nil {
                        journal.record(failure, at: context.now)
                    }
                    guard let occ = OCCSymbol(key), occ.expiration == chosen else { continue }
                    var cell = OptionChainView.Cell(contract: occ)
                    switch result {
                    case .success(let quote): cell.quote = quote
                    case .failure(let failure): cell.failure = failure
                    }
                    var row =
                        rows[occ.strikeThousandths] ?? OptionChainView.Row(strikeThousandths: occ.strikeThousandths)
                    if occ.kind == .call { row.call = cell } else { row.put = cell }
                    rows[occ.strikeThousandths] = row
                }
                return .chain(
                    OptionChainView(
                        underlying: underlying, underlyingPrice: spot, expirations: expirations,
                        selectedExpiration: chosen,
                        rows: rows.values.sorted { $0.strikeThousandths < $1.strikeThousandths },
                        fetchedAt: context.now))
            }
            guard case .chain(let view) = value else { throw CancellationError() }
            if let batch = fetched.take() {
                seedOptionStream(
                    view, batch: batch, listings: Dictionary(forExpiry.map { ($0.symbol, $0) }) { a, _ in a })
            }
            return .success(view)
        } catch let failure as PipelineFailure {
            return .failure(failure)
        } catch let error as AlpacaError {
            return .failure(QuoteProcessor.upstreamFailure(error, symbol: underlying))
        } catch {
            return .failure(PipelineFailure(code: .upstreamError, symbol: underlying, message: "\(error)"))
        }
    }

    /// The underlying's last price from the pipeline, read through the cache with single-flight
    /// (fifty concurrent chain requests make one snapshot request); nil when the quote failed.
    func underlyingPrice(_ underlying: String) async throws -> Double? {
        let client = self.client
        let processor = QuoteProcessor(metrics: metrics)
        let journal = self.journal
        let context = context()
        let value: CachedValue
        do {
            (value, _) = try await cache.value(for: "q:" + underlying, class: .realTime) {
                let batch = try await client.stockSnapshots([underlying])
                switch processor.processStocks([underlying], batch: batch, context: context)[0].result {
                case .success(let quote):
                    journal.record(quality: quote.enrichment.quality, for: underlying)
                    return .stock(quote)
                case .failure(let failure):
                    journal.record(failure, at: context.now)
                    throw failure
                }
            }
        } catch is PipelineFailure {
            return nil
        }
        guard case .stock(let quote) = value else { return nil }
        return quote.value.lastPrice ?? quote.enrichment.midPrice
    }

    /// Quotes for individual option contracts (OCC symbols), for example for `alpaca-dash quote`.
    ///
    /// Contracts are requested in chunks of 100; listings (for open interest) are looked up per root.
    public func optionQuotes(
        _ symbols: [String], bypassCache: Bool = false
    ) async throws
        -> [(symbol: String, result: Result<ProcessedOptionQuote, PipelineFailure>)]
    {
        if context().clock == nil { _ = await marketClock() }
        let context = context()
        var results: [String: Result<ProcessedOptionQuote, PipelineFailure>] = [:]
        var valid: [String] = []
        for symbol in symbols where results[symbol] == nil && !valid.contains(symbol) {
            if OCCSymbol(symbol) == nil {
                let failure = context.failure(
                    .dataValidationError, Rules.symbolFormat, symbol, "not an OCC option symbol")
                journal.record(failure, at: context.now)
                results[symbol] = .failure(failure)
            } else {
                valid.append(symbol)
            }
        }
        if !valid.isEmpty {
            let batch = try await client.optionSnapshots(valid)
            var listings: [String: WireOptionContract] = [:]
            var spots: [String: Double] = [:]
            for root in Set(valid.compactMap { OCCSymbol($0)?.root }) {
                for contract in (try? await contracts(root)) ?? [] { listings[contract.symbol] = contract }
                spots[root] = try? await underlyingPrice(root)
            }
            for symbol in valid {
                let occ = OCCSymbol(symbol)!
                let underlying = listings[symbol]?.underlyingSymbol ?? occ.root
                let processed = QuoteProcessor(metrics: metrics).processOptions(
                    [symbol], batch: batch, underlying: underlying, listings: listings,
                    underlyingPrice: spots[occ.root] ?? nil, context: context)
                let result = processed[0].result
                if case .failure(let failure) = result { journal.record(failure, at: context.now) }
                results[symbol] = result
            }
        }
        return symbols.map { ($0, results[$0]!) }
    }
}
