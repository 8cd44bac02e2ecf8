public import AlpacaAPI
public import AlpacaStream
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
            validate: { slot in
                IngressValidator.validateStock(
                    symbol: symbols[slot], entry: batch.entries[symbols[slot]], context: context)
            },
            rules: { quote in RuleEngine.check(quote, context: context) })
    }

    /// Processes stream messages, each merged into its symbol's last accepted quote.
    /// - Parameters:
    ///   - messages: The messages of a frame.
    ///   - indices: The messages to process, in order: `messages[indices[i]]` is for `bases[i]`.
    ///   - bases: Each one's symbol's last accepted quote (an empty one when it has none).
    ///   - context: Time, clock and thresholds.
    /// - Returns: One result per index, in order.
    public func processStream(
        _ messages: [StreamMessage], at indices: [Int], bases: [StockQuote], context: StageContext
    ) -> [(symbol: String, result: Result<ProcessedStockQuote, PipelineFailure>)] {
        precondition(indices.count == bases.count, "one base per message")
        return run(
            bases.map(\.symbol), failures: [:], context: context,
            validate: { slot in
                IngressValidator.validateStream(messages[indices[slot]], into: bases[slot], context: context)
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
            validate: { slot in
                IngressValidator.validateOption(
                    key: contracts[slot], entry: batch.entries[contracts[slot]], underlying: underlying,
                    contract: listings[contracts[slot]], context: context)
            },
            rules: { quote in RuleEngine.check(quote, underlyingPrice: underlyingPrice, context: context) })
    }

    /// The stages in order over a batch; a failed chunk's symbols become `UPSTREAM_ERROR` first.
    ///
    /// Each validated quote is built once into a dense array (no optionals: reading a field of an
    /// optional array element copies the whole quote out first) with its enrichment beside it; the
    /// later stages walk the positions still in the running, so no stage copies a quote.
    private func run<Value: QuoteFields>(
        _ symbols: [String], failures: [String: AlpacaError], context: StageContext,
        validate: (_ slot: Int) -> Result<Value, PipelineFailure>, rules: (Value) -> PipelineFailure?
    ) -> [(symbol: String, result: Result<Processed<Value>, PipelineFailure>)] {
        var rejections = [PipelineFailure?](repeating: nil, count: symbols.count)
        var candidates: [Int] = []
        candidates.reserveCapacity(symbols.count)
        for (slot, symbol) in symbols.enumerated() {
            if let error = failures.isEmpty ? nil : failures[symbol] {
                rejections[slot] = Self.upstreamFailure(error, symbol: symbol)
            } else {
                candidates.append(slot)
            }
        }
        let timer = StageTimer(metrics: metrics)
        // validated[k] is the quote of symbols[slots[k]].
        var validated: [Value] = []
        var slots: [Int] = []
        validated.reserveCapacity(candidates.count)
        slots.reserveCapacity(candidates.count)
        timer.run("validate", &candidates) { slot in
            switch validate(slot) {
            case .success(let quote):
                validated.append(quote)
                slots.append(slot)
                return true
            case .failure(let failure):
                rejections[slot] = failure
                return false
            }
        }
        var live = Array(validated.indices)
        var enrichments: [Enrichment] = []
        enrichments.reserveCapacity(validated.count)
        timer.run("enrich", &live) { k in
            enrichments.append(
                Enricher.enrich(
                    bid: validated[k].bidPrice, ask: validated[k].askPrice, volume: validated[k].volume,
                    timestamp: validated[k].timestamp, context: context))
            return true
        }
        timer.run("derive", &live) { k in
            enrichments[k] = Enricher.derive(
                enrichments[k], bid: validated[k].bidPrice, ask: validated[k].askPrice,
                timestamp: validated[k].timestamp, context: context)
            return true
        }
        timer.run("rules", &live) { k in
            guard let failure = rules(validated[k]) else { return true }
            rejections[slots[k]] = failure
            return false
        }
        timer.run("qa", &live) { k in
            guard let failure = QualityGate.check(enrichments[k], symbol: symbols[slots[k]], context: context) else {
                return true
            }
            rejections[slots[k]] = failure
            return false
        }
        var passed = [Int?](repeating: nil, count: symbols.count)
        for k in live { passed[slots[k]] = k }
        var out: [(symbol: String, result: Result<Processed<Value>, PipelineFailure>)] = []
        out.reserveCapacity(symbols.count)
        for slot in symbols.indices {
            if let k = passed[slot] {
                let value = Processed(value: validated[k], enrichment: enrichments[k], delivery: .realTime)
                out.append((symbols[slot], .success(value)))
            } else {
                out.append((symbols[slot], .failure(rejections[slot]!)))
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
