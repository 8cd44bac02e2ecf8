public import AlpacaAPI
public import AlpacaStream
public import MarketModel
import TTLCache

/// What became of one stream data message.
public enum StreamIngestOutcome: Sendable, Equatable {
    /// It passed every stage and is the symbol's value now.
    ///
    /// Boxed (`indirect`), as is `optionAccepted`: a frame's outcomes are copied a few times on
    /// their way to the screen, and an inline quote made every outcome half a kilobyte.
    indirect case accepted(ProcessedStockQuote)
    /// An option contract's quote or trade passed the option stages and is its value now.
    indirect case optionAccepted(ProcessedOptionQuote)
    /// A rule rejected it (counted in the journal with its rule id); the held value stays.
    case rejected(PipelineFailure)
    /// It is older than the value held (V011, counted); the held value stays.
    case outOfOrder(PipelineFailure)
    /// It arrived before the symbol's first snapshot and waits for the reseed (an option
    /// contract's, outside the open chain, is dropped: the chain's next fetch brings its value).
    case awaitingSeed(symbol: String)
    /// It is older than a REST snapshot fetched after it was sent (the reseed after a subscribe):
    /// superseded, not out of order, so neither shown nor counted as a regression.
    case superseded(symbol: String)
    /// A trading status (halts and resumptions), shown as sent.
    case status(symbol: String, StreamTradingStatus)
}

extension StreamIngestOutcome {
    /// Whether the outcome changes what the screen shows (a new value, or a halt or resumption).
    public var isShown: Bool {
        switch self {
        case .accepted, .optionAccepted, .status: true
        case .rejected, .outOfOrder, .awaitingSeed, .superseded: false
        }
    }
}

extension MarketDataService {
    /// The most messages kept per symbol while its first snapshot is awaited.
    static let pendingLimit = 16

    /// Runs stream data messages through the same stages as REST snapshots — ingress validation →
    /// enrichment → derived fields → business rules → QA — and into the one ordered store.
    ///
    /// Each message's part is validated by the rules a REST snapshot's part is and merged into the
    /// symbol's last accepted quote (``IngressValidator/validateStream(_:into:context:)``: a quote
    /// replaces the bid and ask, a trade the last trade, a bar its bar); the merged quote then goes
    /// through enrichment, derived fields, the business rules and QA whole, so every rule sees
    /// what it sees for REST data. A symbol whose snapshot was fetched but rejected has no accepted
    /// quote: its message is processed alone. A value older by its own timestamp than the one held
    /// is kept off the screen and counted (V011). Control messages are not data and are skipped.
    /// - Parameter messages: Decoded messages, in arrival order.
    /// - Returns: One outcome per data message (``StreamMessage/isData``), in order.
    public func ingest(_ messages: [StreamMessage]) async -> [StreamIngestOutcome] {
        let (outcomes, fresh) = process(messages)
        // A symbol accepted in two rounds is stored twice, the later value last.
        if !fresh.isEmpty { await TTLCache.setMany(fresh, class: .realTime, in: cache) }
        return outcomes
    }

    /// The stages and the ordered store, synchronously (an async body kept every value in its
    /// heap frame and copied it there): the outcomes, and the values for the cache.
    private func process(_ messages: [StreamMessage]) -> ([StreamIngestOutcome], [(String, CachedValue)]) {
        let context = context()
        var outcomes = [StreamIngestOutcome?](repeating: nil, count: messages.count)
        // Messages that merge into a snapshot go through the stages in rounds: round r takes every
        // symbol's r-th message, so a symbol's messages still apply in order, while one batch
        // carries many symbols through the stages at once (a frame of 100 quotes of 100 symbols
        // is one batch, not 100).
        var rounds: [[(index: Int, symbol: String)]] = []
        var seen: [String: Int] = [:]
        seen.reserveCapacity(messages.count)
        for (index, message) in messages.enumerated() {
            switch classify(message, context: context) {
            case .done(let outcome): outcomes[index] = outcome
            case .skip: continue
            case .merge(let symbol):
                var round = 0
                if let slot = seen.index(forKey: symbol) {
                    seen.values[slot] += 1
                    round = seen.values[slot]
                } else {
                    seen[symbol] = 0
                }
                if round == rounds.count { rounds.append([]) }
                rounds[round].append((index, symbol))
            }
        }
        var fresh: [(String, CachedValue)] = []
        var qualities: [(symbol: String, quality: QualityScore)] = []
        for round in rounds {
            var indices: [Int] = []
            var bases: [StockQuote] = []
            var kept: [Delivery?] = []
            indices.reserveCapacity(round.count)
            bases.reserveCapacity(round.count)
            kept.reserveCapacity(round.count)
            for (index, symbol) in round {
                if let held = held[symbol] {
                    bases.append(held.value)
                    kept.append(held.delivery)
                } else if seedsFetched.contains(symbol) {
                    bases.append(StockQuote(symbol: symbol))
                    kept.append(nil)
                } else {
                    outcomes[index] = wait(messages[index], symbol: symbol)
                    continue
                }
                indices.append(index)
            }
            guard !indices.isEmpty else { continue }
            let results = stages.processStream(messages, at: indices, bases: bases, context: context)
            for k in results.indices {
                let symbol = results[k].symbol
                let outcome = settle(symbol, results[k].result, base: bases[k], kept: kept[k], context: context)
                if case .accepted(let quote) = outcome {
                    fresh.append(("q:" + symbol, .stock(quote)))
                    qualities.append((symbol, quote.enrichment.quality))
                }
                outcomes[indices[k]] = outcome
            }
        }
        journal.record(qualities: qualities)
        return (outcomes.compactMap { $0 }, fresh)
    }

    /// What a message needs: nothing (control), an outcome at once, or a merge and the stages.
    private enum Step {
        case skip
        case done(StreamIngestOutcome)
        case merge(String)
    }

    private func classify(_ message: StreamMessage, context: StageContext) -> Step {
        switch message {
        case .success, .error, .subscription, .ignored:
            return .skip
        case .malformed(let symbol, let reason):
            let failure = PipelineFailure(
                code: .dataValidationError, rule: Rules.schema, symbol: symbol, message: "stream message: \(reason)")
            journal.record(failure, at: context.now)
            return .done(.rejected(failure))
        case .status(let symbol, let status):
            guard SymbolFormat.isStock(symbol) else { return .done(reject(symbol, context: context)) }
            return .done(.status(symbol: symbol, status))
        case .trade(let symbol, _), .quote(let symbol, _):
            if OCCSymbol(symbol) != nil { return .done(ingestOption(message, contract: symbol, context: context)) }
            guard SymbolFormat.isStock(symbol) else { return .done(reject(symbol, context: context)) }
            return .merge(symbol)
        case .bar(_, let symbol, _):
            guard SymbolFormat.isStock(symbol) else { return .done(reject(symbol, context: context)) }
            return .merge(symbol)
        }
    }

    /// Keeps a message until its symbol's first snapshot arrives.
    private func wait(_ message: StreamMessage, symbol: String) -> StreamIngestOutcome {
        var queue = streamPending[symbol] ?? []
        if streamPending[symbol] != nil || streamPending.count < PipelineJournal.maximumSymbols {
            queue.append(message)
            streamPending[symbol] = Array(queue.suffix(Self.pendingLimit))
        }
        return .awaitingSeed(symbol: symbol)
    }

    /// A processed message against the ordered store: accepted (and held), out of order,
    /// superseded by a later REST snapshot, or rejected.
    /// - Parameters:
    ///   - base: The held value it was merged into.
    ///   - kept: How the held value came (nil when none is held).
    private func settle(
        _ symbol: String, _ result: Result<ProcessedStockQuote, PipelineFailure>, base: StockQuote,
        kept: Delivery?, context: StageContext
    ) -> StreamIngestOutcome {
        switch result {
        case .success(var quote):
            if let kept, let regression = Self.regression(of: quote.value, after: base) {
                // Ordering is strict within the stream; a REST value fetched after the message was
                // sent (a reseed) simply supersedes it.
                if kept != .stream { return .superseded(symbol: symbol) }
                let failure = context.failure(.dataValidationError, Rules.ordering, symbol, regression)
                journal.record(failure, at: context.now)
                return .outOfOrder(failure)
            }
            quote.delivery = .stream
            if let slot = held.index(forKey: symbol) {
                held.values[slot] = quote
            } else if held.count < PipelineJournal.maximumSymbols {
                held[symbol] = quote
            }
            return .accepted(quote)
        case .failure(let failure):
            journal.record(failure, at: context.now)
            return .rejected(failure)
        }
    }

    /// Re-applies the messages that waited for `symbols`' snapshots (after a reseed).
    public func ingestPending(_ symbols: [String]) async -> [StreamIngestOutcome] {
        var messages: [StreamMessage] = []
        for symbol in symbols {
            messages += streamPending.removeValue(forKey: symbol) ?? []
        }
        return messages.isEmpty ? [] : await ingest(messages)
    }

    /// Whether a session (regular or extended) is on by the market clock (read through the cache),
    /// which is when the stream is used.
    public func sessionOn() async -> Bool {
        _ = await marketClock()
        return context().session != .closed
    }

    private func reject(_ symbol: String, context: StageContext) -> StreamIngestOutcome {
        let failure = context.failure(.dataValidationError, Rules.symbolFormat, symbol, "not a stock symbol")
        journal.record(failure, at: context.now)
        return .rejected(failure)
    }

    /// A snapshot with one stream message's part replaced (pure).
    ///
    /// The definition the stream's ingest is held to: validating a message's part into the held
    /// quote (``IngressValidator/validateStream(_:into:context:)``) must give what validating this
    /// merged snapshot whole gives (`StreamValidationTests`, `fuzz-stream`).
    public static func merge(_ message: StreamMessage, into base: WireStockSnapshot) -> WireStockSnapshot {
        var merged = base
        switch message {
        case .trade(_, let trade): merged.latestTrade = trade
        case .quote(_, let quote): merged.latestQuote = quote
        case .bar(.minute, _, let bar): merged.minuteBar = bar
        case .bar(.daily, _, let bar): merged.dailyBar = bar
        case .bar(.updated, _, let bar):
            // A correction replaces the minute bar it corrects; an older minute's is not shown.
            if bar.time == merged.minuteBar?.time { merged.minuteBar = bar }
        default: break
        }
        return merged
    }
}
