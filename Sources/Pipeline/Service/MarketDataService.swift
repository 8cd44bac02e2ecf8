public import AlpacaAPI
import AlpacaStream
public import MarketMetrics
public import MarketModel
public import TTLCache

/// The seed's service layer: cache → upstream → stages → cache, for every value the product shows.
///
/// Failures come back as `PipelineFailure` values with the seed's codes (`UPSTREAM_ERROR`,
/// `DATA_VALIDATION_ERROR`, `BUSINESS_RULE_VIOLATION`, `QA_ERROR`, `DATA_UNAVAILABLE`), one per
/// symbol, so one bad symbol never hides the others.
public actor MarketDataService {
    /// The upstream client.
    public nonisolated let client: AlpacaClient
    /// The TTL cache.
    public nonisolated let cache: TTLCache<String, CachedValue, ContinuousClock>
    /// Stage and endpoint metrics.
    public nonisolated let metrics: MetricsRegistry
    /// Rejections and quality history.
    public nonisolated let journal: PipelineJournal
    /// Thresholds.
    public private(set) var configuration: PipelineConfiguration
    private let processor: QuoteProcessor
    private let now: @Sendable () -> Timestamp
    private var lastClock: MarketClock?
    /// The newest accepted quote of each symbol asked for, so an older one arriving later is kept
    /// off the screen (V011), and what its next stream message is merged into; at most
    /// `PipelineJournal.maximumSymbols` symbols.
    var held: [String: ProcessedStockQuote] = [:]
    /// Stream messages that arrived before their symbol's first snapshot (a few per symbol).
    var streamPending: [String: [StreamMessage]] = [:]
    /// Symbols whose snapshot has been asked for at least once (accepted, rejected or failed): a
    /// stream message for one without a validated snapshot is processed on its own rather than
    /// waiting forever.
    var seedsFetched: Set<String> = []
    /// Symbols with a validated REST snapshot behind their stream values (daily bars, previous
    /// close); the scheduler keeps polling a streamed symbol until it has one.
    var seeded: Set<String> = []
    /// The contracts of the last option chain fetched, by OCC symbol: what a streamed option quote
    /// or trade is merged into (the open chain's contracts only).
    var optionSeeds: [String: OptionStreamSeed] = [:]

    /// Which of `symbols` have a validated REST snapshot.
    public func seeded(_ symbols: [String]) -> Set<String> { seeded.intersection(symbols) }
    /// The processor (shared with the stream's ingest).
    var stages: QuoteProcessor { processor }

    /// Creates a service.
    /// - Parameters:
    ///   - client: The Alpaca client.
    ///   - configuration: Stage thresholds.
    ///   - cache: The TTL cache.
    ///   - metrics: Metrics registry.
    ///   - journal: Rejection and quality journal.
    ///   - now: The wall clock (injectable for tests).
    public init(
        client: AlpacaClient, configuration: PipelineConfiguration = PipelineConfiguration(),
        cache: TTLCache<String, CachedValue, ContinuousClock> = TTLCache(cost: CachedValue.estimatedBytes),
        metrics: MetricsRegistry = MetricsRegistry(),
        journal: PipelineJournal = PipelineJournal(), now: @escaping @Sendable () -> Timestamp = { Timestamp.now() }
    ) {
        self.client = client
        self.configuration = configuration
        self.cache = cache
        self.metrics = metrics
        self.journal = journal
        self.processor = QuoteProcessor(metrics: metrics)
        self.now = now
    }

    /// The stage context for now, with the last known clock.
    public func context() -> StageContext {
        StageContext(now: now(), clock: lastClock, configuration: configuration)
    }

    /// The market clock (`GET /v2/clock`), cached as real-time data; also updates the cache's
    /// open/closed TTL choice.
    public func marketClock(bypassCache: Bool = false) async -> Result<MarketClock, PipelineFailure> {
        do {
            let client = self.client
            let (value, _) = try await cache.value(for: "clock", class: .realTime, bypass: bypassCache) {
                .clock(try await client.clock().marketClock)
            }
            guard case .clock(var clock) = value else { throw CancellationError() }
            clock.calendarSessionOpen = await calendarSessionOpen(at: clock.timestamp)
            if lastClock?.isOpen != clock.isOpen { await cache.setMarketOpen(clock.isOpen) }
            lastClock = clock
            return .success(clock)
        } catch let error as AlpacaError {
            return .failure(QuoteProcessor.upstreamFailure(error, symbol: nil))
        } catch {
            return .failure(PipelineFailure(code: .upstreamError, message: "\(error)"))
        }
    }

    /// The open of the latest session at or before `now` by the exchange calendar (`/v2/calendar`
    /// over the last two weeks, cached as reference data), or nil when the calendar cannot be read,
    /// in which case freshness falls back to the clock's weekday approximation.
    func calendarSessionOpen(at now: Timestamp) async -> Timestamp? {
        let today = NewYorkTime(now).date
        let client = self.client
        let value = try? await cache.value(for: "calendar:\(today)", class: .reference, bypass: false) {
            let days = try await client.calendar(start: today.adding(days: -14), end: today)
            // Only days near today count: a far date in a hostile body cannot become the session.
            let window = today.adding(days: -15)...today.adding(days: 1)
            return .calendar(
                days.compactMap(\.value).filter { window.contains($0.date) }.compactMap { day in
                    Self.minutes(day.open).map { NewYorkTime.instant(date: day.date, secondOfDay: $0 * 60) }
                })
        }.0
        guard case .calendar(let opens)? = value else { return nil }
        return opens.filter { $0 <= now }.max()
    }

    /// `HH:MM` as minutes after midnight, or nil.
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return h * 60 + m
    }

    /// Stock quotes for many symbols: cache hits first, then one batched snapshot request (≤ 200
    /// symbols per request) for the rest, each symbol processed on its own.
    ///
    /// A symbol already being looked up for another caller is not looked up again: the caller
    /// joins that flight (single flight per symbol, reliability.md C1), so the cache counts one
    /// hit or miss and the upstream sees one request per symbol, however many callers ask at once.
    /// - Parameters:
    ///   - symbols: Tickers, in display order.
    ///   - bypassCache: Skip the cache (the `r` key).
    /// - Returns: One result per symbol, in order.
    public func quotes(
        _ symbols: [String], bypassCache: Bool = false
    ) async throws
        -> [(symbol: String, result: Result<ProcessedStockQuote, PipelineFailure>)]
    {
        if lastClock == nil { _ = await marketClock() }
        var results: [String: Result<ProcessedStockQuote, PipelineFailure>] = [:]
        var flights: [String: QuoteFlight] = [:]
        var starting: [String] = []
        let context = context()
        // No suspension from here until the new flight is registered, so no other caller can
        // start a second lookup of the same symbol in between.
        for symbol in symbols where results[symbol] == nil && flights[symbol] == nil && !starting.contains(symbol) {
            guard SymbolFormat.isStock(symbol) else {
                let failure = context.failure(.dataValidationError, Rules.symbolFormat, symbol, "not a stock symbol")
                journal.record(failure, at: context.now)
                results[symbol] = .failure(failure)
                continue
            }
            if let flight = quoteFlights[symbol] { flights[symbol] = flight } else { starting.append(symbol) }
        }
        var own: QuoteFlight?
        if !starting.isEmpty {
            let batch = starting
            let flight = QuoteFlight { try await self.lookUp(batch, bypassCache: bypassCache) }
            for symbol in starting {
                quoteFlights[symbol] = flight
                flights[symbol] = flight
            }
            own = flight
        }
        defer {
            if let own { for symbol in starting where quoteFlights[symbol] === own { quoteFlights[symbol] = nil } }
        }
        for (symbol, flight) in flights {
            if flight === own {
                // The caller that started the flight takes its cancellation along (a refresh
                // cancelled at exit stops its transfer, as before single flight); joiners only wait.
                let task = flight.task
                results[symbol] = try await withTaskCancellationHandler {
                    try await task.value[symbol]
                } onCancel: {
                    task.cancel()
                }
            } else {
                results[symbol] = try await flight.task.value[symbol]
            }
        }
        return symbols.map { symbol in
            let missing = PipelineFailure(code: .dataUnavailable, rule: nil, symbol: symbol, message: "no result")
            return (symbol, results[symbol] ?? .failure(missing))
        }
    }

    /// Cache hits for `symbols`, and one batched fetch for the rest.
    private func lookUp(
        _ symbols: [String], bypassCache: Bool
    ) async throws -> [String: Result<ProcessedStockQuote, PipelineFailure>] {
        var results: [String: Result<ProcessedStockQuote, PipelineFailure>] = [:]
        var misses: [String] = []
        let context = context()
        for symbol in symbols {
            if !bypassCache, case .stock(let cached)? = await cache.get("q:" + symbol, class: .realTime) {
                results[symbol] = .success(refreshed(cached, context: context))
            } else {
                misses.append(symbol)
            }
        }
        if !misses.isEmpty { results.merge(try await fetchQuotes(misses)) { _, new in new } }
        return results
    }

    /// One batched snapshot fetch that later callers for the same symbols join.
    final class QuoteFlight: Sendable {
        let task: Task<[String: Result<ProcessedStockQuote, PipelineFailure>], any Error>
        init(_ body: @escaping @Sendable () async throws -> [String: Result<ProcessedStockQuote, PipelineFailure>]) {
            task = Task { try await body() }
        }
    }

    private var quoteFlights: [String: QuoteFlight] = [:]

    /// Fetches, processes, orders (V011) and caches the snapshots of `symbols`.
    private func fetchQuotes(_ symbols: [String]) async throws -> [String: Result<ProcessedStockQuote, PipelineFailure>]
    {
        // Tried, whatever the outcome: a symbol whose snapshot fails still gets its stream values.
        for symbol in symbols where seedsFetched.count < PipelineJournal.maximumSymbols { seedsFetched.insert(symbol) }
        let batch = try await client.stockSnapshots(symbols)
        let context = self.context()
        let processed = processor.processStocks(symbols, batch: batch, context: context)
        var results: [String: Result<ProcessedStockQuote, PipelineFailure>] = [:]
        var fresh: [(String, CachedValue)] = []
        for (symbol, result) in processed {
            results[symbol] = result
            switch result {
            case .success(let quote):
                if let kept = held[symbol], let regression = Self.regression(of: quote.value, after: kept.value) {
                    let failure = context.failure(.dataValidationError, Rules.ordering, symbol, regression)
                    journal.record(failure, at: context.now)
                    results[symbol] = .success(refreshed(kept, context: context))
                    continue
                }
                if held[symbol] != nil || held.count < PipelineJournal.maximumSymbols {
                    held[symbol] = quote
                    seeded.insert(symbol)
                }
                fresh.append(("q:" + symbol, .stock(quote)))
                journal.record(quality: quote.enrichment.quality, for: symbol)
            case .failure(let failure):
                journal.record(failure, at: context.now)
            }
        }
        let start = ContinuousClock.now
        await TTLCache.setMany(fresh, class: .realTime, in: cache)
        if !fresh.isEmpty {
            let elapsed = (ContinuousClock.now - start) / fresh.count
            metrics.recordStageBatch(
                "cache", successes: fresh.count, failures: 0,
                secondsPerValue: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        return results
    }

    /// Why `quote` is older than `kept`, by its own quote or trade time, or nil when it is not.
    static func regression(of quote: StockQuote, after kept: StockQuote) -> String? {
        regression(quote: (quote.quoteTime, quote.tradeTime), after: (kept.quoteTime, kept.tradeTime))
    }

    /// Why a value with these quote and trade times is older than one with `kept`'s, or nil.
    static func regression(
        quote times: (quote: Timestamp?, trade: Timestamp?), after kept: (quote: Timestamp?, trade: Timestamp?)
    ) -> String? {
        func older(_ label: String, _ new: Timestamp?, _ old: Timestamp?) -> String? {
            guard let new, let old, new < old else { return nil }
            return "out of order: \(label) at \(new.rfc3339) is older than the one held (\(old.rfc3339))"
        }
        return older("quote", times.quote, kept.quote) ?? older("trade", times.trade, kept.trade)
    }

    /// A cached value served again: same upstream value, enrichment recomputed for now, marked `cache`.
    private func refreshed(_ quote: ProcessedStockQuote, context: StageContext) -> ProcessedStockQuote {
        Processed(value: quote.value, enrichment: Enricher.enrich(quote.value, context: context), delivery: .cache)
    }

    /// Validated bars of one symbol, cached as historical data.
    /// - Parameters:
    ///   - symbol: The ticker.
    ///   - timeframe: for example `1Day`.
    ///   - limit: The most bars (newest kept).
    ///   - bypassCache: Skip the cache.
    public func bars(
        _ symbol: String, timeframe: String, limit: Int, bypassCache: Bool = false
    ) async
        -> Result<[Bar], PipelineFailure>
    {
        let context = context()
        guard SymbolFormat.isStock(symbol) else {
            return .failure(context.failure(.dataValidationError, Rules.symbolFormat, symbol, "not a stock symbol"))
        }
        guard let frame = BarTimeframe(timeframe), (1...10_000).contains(limit) else {
            return .failure(
                PipelineFailure(
                    code: .dataValidationError, symbol: symbol,
                    message: "timeframe must be 1-59Min, 1-23Hour, 1Day, 1Week or 1,2,3,4,6,12Month; limit 1-10000"))
        }
        let timeframe = frame.description
        let client = self.client
        let journal = self.journal
        do {
            let (value, _) = try await cache.value(
                for: "bars:\(symbol):\(timeframe):\(limit)", class: .historical, bypass: bypassCache
            ) {
                let start = context.now.adding(seconds: -Self.lookback(timeframe: timeframe, count: limit))
                let batch = try await client.stockBars([symbol], timeframe: timeframe, start: start, limit: nil)
                if let error = batch.failures[symbol] { throw error }
                switch batch.entries[symbol] {
                case .value(let wires)?:
                    var bars: [Bar] = []
                    for wire in wires.suffix(limit) {
                        switch IngressValidator.bar(wire, name: "bar", symbol: symbol, context: context) {
                        case .success(let bar): bars.append(bar)
                        case .failure(let failure):
                            journal.record(failure, at: context.now)
                            throw failure
                        }
                    }
                    return .bars(bars)
                case .invalid(let error)?:
                    let failure = context.failure(.dataValidationError, Rules.schema, symbol, "malformed bar: \(error)")
                    journal.record(failure, at: context.now)
                    throw failure
                default:
                    throw PipelineFailure(code: .dataUnavailable, symbol: symbol, message: "no bars returned")
                }
            }
            guard case .bars(let bars) = value else { return .success([]) }
            return .success(bars)
        } catch let failure as PipelineFailure {
            return .failure(failure)
        } catch let error as AlpacaError {
            return .failure(QuoteProcessor.upstreamFailure(error, symbol: symbol))
        } catch {
            return .failure(PipelineFailure(code: .upstreamError, symbol: symbol, message: "\(error)"))
        }
    }

    /// Seconds of history that hold `count` bars of a timeframe, counting only trading hours.
    static func lookback(timeframe: String, count: Int) -> Double {
        guard let frame = BarTimeframe(timeframe) else { return 7 * 86_400 }
        let digits = Double(frame.amount)
        switch frame.unit {
        case .minute: return max(4, Double(count) * digits / 390 * 1.6 + 4) * 86_400
        case .hour: return (Double(count) * digits / 6.5 * 1.6 + 4) * 86_400
        case .week: return Double(count) * digits * 7 * 86_400 + 86_400 * 7
        case .month: return Double(count) * digits * 31 * 86_400 + 86_400 * 31
        case .day: return (Double(count) * digits * 1.5 + 7) * 86_400
        }
    }
}
