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
    ///
    /// Each value is built once and stays in its slot; the stages walk the list of slots still in
    /// the running and write enrichments or rejections beside it, so no stage copies a quote.
    private func run<Value: QuoteFields>(
        _ symbols: [String], failures: [String: AlpacaError], context: StageContext,
        validate: (String) -> Result<Value, PipelineFailure>, rules: (Value) -> PipelineFailure?
    ) -> [(symbol: String, result: Result<Processed<Value>, PipelineFailure>)] {
        var rejections = [PipelineFailure?](repeating: nil, count: symbols.count)
        var values = [Value?](repeating: nil, count: symbols.count)
        var enrichments = [Enrichment?](repeating: nil, count: symbols.count)
        var live: [Int] = []
        live.reserveCapacity(symbols.count)
        for (i, symbol) in symbols.enumerated() {
            if let error = failures.isEmpty ? nil : failures[symbol] {
                rejections[i] = Self.upstreamFailure(error, symbol: symbol)
            } else {
                live.append(i)
            }
        }
        let timer = StageTimer(metrics: metrics)
        timer.run("validate", &live) { i in
            switch validate(symbols[i]) {
            case .success(let quote):
                values[i] = quote
                return true
            case .failure(let failure):
                rejections[i] = failure
                return false
            }
        }
        timer.run("enrich", &live) { i in
            enrichments[i] = Enricher.enrich(
                bid: values[i]!.bidPrice, ask: values[i]!.askPrice, volume: values[i]!.volume,
                timestamp: values[i]!.timestamp, context: context)
            return true
        }
        timer.run("derive", &live) { i in
            enrichments[i] = Enricher.derive(
                enrichments[i]!, bid: values[i]!.bidPrice, ask: values[i]!.askPrice,
                timestamp: values[i]!.timestamp, context: context)
            return true
        }
        timer.run("rules", &live) { i in
            guard let failure = rules(values[i]!) else { return true }
            rejections[i] = failure
            return false
        }
        timer.run("qa", &live) { i in
            guard let failure = QualityGate.check(enrichments[i]!, symbol: symbols[i], context: context) else {
                return true
            }
            rejections[i] = failure
            return false
        }
        var out: [(symbol: String, result: Result<Processed<Value>, PipelineFailure>)] = []
        out.reserveCapacity(symbols.count)
        for i in symbols.indices {
            if let rejection = rejections[i] {
                out.append((symbols[i], .failure(rejection)))
            } else {
                let value = Processed(value: values[i].take()!, enrichment: enrichments[i]!, delivery: .realTime)
                out.append((symbols[i], .success(value)))
            }
        }
        return out
    }

    /// Maps a client error to the pipeline's `UPSTREAM_ERROR`.
    public static func upstreamFailure(_ error: AlpacaError, symbol: String?) -> PipelineFailure {
        PipelineFailure(
            code: .upstreamError, symbol: symbol, message: error.description, httpStatus: error.httpStatus)
    }
}
