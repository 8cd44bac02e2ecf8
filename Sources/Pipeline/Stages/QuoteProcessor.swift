public import AlpacaAPI
public import MarketMetrics
public import MarketModel

/// Runs a batch of upstream entries through every stage in order — ingress validation →
/// enrichment → derived fields → business rules → QA — stage by stage over the whole batch,
/// recording each stage's metrics.
///
/// A rejection stops that value only.
public struct QuoteProcessor: Sendable {
    let metrics: MetricsRegistry?

    /// Creates a processor.
    /// - Parameter metrics: Where stage metrics go (nil in benchmarks of the bare stages).
    public init(metrics: MetricsRegistry?) { self.metrics = metrics }

    /// Processes stock snapshot entries.
    /// - Parameters:
    ///   - symbols: The symbols requested, in order.
    ///   - batch: The upstream result.
    ///   - context: Time, clock and thresholds.
    /// - Returns: One result per requested symbol.
    public func processStocks(
        _ symbols: [String], batch: BatchResult<WireStockSnapshot>, context: StageContext
    ) -> [(symbol: String, result: Result<ProcessedStockQuote, PipelineFailure>)] {
        run(
            symbols, failures: batch.failures, context: context,
            validate: { symbol in
                IngressValidator.validateStock(symbol: symbol, entry: batch.entries[symbol], context: context)
            },
            rules: { quote in RuleEngine.check(quote, context: context) })
    }

    /// Processes one option chain's entries.
    /// - Parameters:
    ///   - contracts: The contract symbols to report, in order.
    ///   - batch: The chain's snapshot entries.
    ///   - underlying: The requested underlying.
    ///   - listings: Contract reference data by symbol (open interest, underlying mapping).
    ///   - underlyingPrice: The underlying's last price, for the intrinsic-value rule.
    ///   - context: Time, clock and thresholds.
    /// - Returns: One result per contract.
    public func processOptions(
        _ contracts: [String], batch: BatchResult<WireOptionSnapshot>, underlying: String,
        listings: [String: WireOptionContract], underlyingPrice: Double?, context: StageContext
    ) -> [(symbol: String, result: Result<ProcessedOptionQuote, PipelineFailure>)] {
        run(
            contracts, failures: batch.failures, context: context,
            validate: { key in
                IngressValidator.validateOption(
                    key: key, entry: batch.entries[key], underlying: underlying, contract: listings[key],
                    context: context)
            },
            rules: { quote in RuleEngine.check(quote, underlyingPrice: underlyingPrice, context: context) })
    }

    /// The stages in order over a batch; a failed chunk's symbols become `UPSTREAM_ERROR` first.
    private func run<Value: QuoteFields>(
        _ symbols: [String], failures: [String: AlpacaError], context: StageContext,
        validate: (String) -> Result<Value, PipelineFailure>, rules: (Value) -> PipelineFailure?
    ) -> [(symbol: String, result: Result<Processed<Value>, PipelineFailure>)] {
        var results = [Result<Processed<Value>, PipelineFailure>?](repeating: nil, count: symbols.count)
        for (i, symbol) in symbols.enumerated() {
            if let error = failures[symbol] { results[i] = .failure(Self.upstreamFailure(error, symbol: symbol)) }
        }
        let timer = StageTimer(metrics: metrics)
        let pending = symbols.indices.filter { results[$0] == nil }
        let validated: [Value?] = timer.run("validate", pending) { i in
            switch validate(symbols[i]) {
            case .success(let quote): return quote
            case .failure(let failure):
                results[i] = .failure(failure)
                return nil
            }
        }
        let passed = zip(pending, validated).compactMap { i, q in q.map { (i, $0) } }
        let enriched = timer.run("enrich", passed) { _, q in
            Enricher.enrich(
                bid: q.bidPrice, ask: q.askPrice, volume: q.volume, timestamp: q.timestamp, context: context)
        }
        let derived = timer.run("derive", Array(zip(passed, enriched))) { item, e in
            Enricher.derive(
                e!, bid: item.1.bidPrice, ask: item.1.askPrice, timestamp: item.1.timestamp, context: context)
        }
        let ruled = timer.run("rules", Array(zip(passed, derived))) { item, e -> Enrichment? in
            if let failure = rules(item.1) {
                results[item.0] = .failure(failure)
                return nil
            }
            return e
        }
        let passedRules = zip(passed, ruled).compactMap { item, e in e.map { (item, $0) } }
        _ = timer.run("qa", passedRules) { item, e -> Bool? in
            if let failure = QualityGate.check(e, symbol: symbols[item.0], context: context) {
                results[item.0] = .failure(failure)
                return nil
            }
            results[item.0] = .success(Processed(value: item.1, enrichment: e, delivery: .realTime))
            return true
        }
        return symbols.indices.map { (symbols[$0], results[$0]!) }
    }

    /// Maps a client error to the pipeline's `UPSTREAM_ERROR`.
    public static func upstreamFailure(_ error: AlpacaError, symbol: String?) -> PipelineFailure {
        PipelineFailure(
            code: .upstreamError, symbol: symbol, message: error.description, httpStatus: error.httpStatus)
    }
}
