// fuzz-snapshots: a `/v2/stocks/snapshots` body (the flat symbol → snapshot map) through the whole
// watchlist path, as `MarketDataService.quotes` runs it, without network or clock:
// decode → IngressValidator → Enricher (enrichment and derived fields) → RuleEngine → QualityGate
// (QuoteProcessor, and each stage on its own) → a TTL cache store and read-back → the journal →
// the watchlist, quality, validation and contract-detail screens rendered into ScreenBuffers.
//
// Input: the body, as the upstream would send it. Invariants: no non-finite or out-of-range
// price, size or derived field passes the pipeline; what the cache returns is what was stored;
// every frame passes `checkFrame` (no C0/C1/DEL/Cf scalar in any cell, wide cells well formed).

import AlpacaAPI
import DashboardUI
import FuzzSupport
import MarketMetrics
import MarketModel
import Pipeline
import TUICore

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = ByteReader(data, count).bytes
    guard let entries = try? AlpacaClient.decodeStockSnapshots(bytes) else { return 0 }
    // The symbols requested: every key returned, plus one the body may lack (not returned).
    var symbols = entries.keys.sorted()
    if symbols.count > 64 { symbols = Array(symbols.prefix(64)) }
    symbols.append("ZZZZ")
    let batch = BatchResult(entries: entries, requestCount: 1)
    let processor = QuoteProcessor(metrics: nil)

    // The weekend context: stages only (market closed, B008, the session freshness cutoff).
    let weekend = Scene.weekendContext()
    for (_, result) in processor.processStocks(symbols, batch: batch, context: weekend) {
        if case .success(let quote) = result { PassedChecks.stock(quote, context: weekend) }
    }

    // The open context: the whole path.
    let context = Scene.openContext()
    let processed = processor.processStocks(symbols, batch: batch, context: context)
    require(processed.count == symbols.count, "\(processed.count) results for \(symbols.count) symbols")
    let journal = PipelineJournal()
    var fresh: [(String, CachedValue)] = []
    var rows: [WatchlistRow] = []
    for (index, (symbol, result)) in processed.enumerated() {
        require(symbol == symbols[index], "results out of order")
        // Every stage on its own as well, whatever the batch decided.
        if case .success(let quote) = IngressValidator.validateStock(
            symbol: symbol, entry: entries[symbol], context: context)
        {
            let enrichment = Enricher.enrich(quote, context: context)
            PassedChecks.enrichment(enrichment, "enricher")
            _ = RuleEngine.check(quote, context: context)
            _ = QualityGate.check(enrichment, symbol: symbol, context: context)
        }
        switch result {
        case .success(let quote):
            PassedChecks.stock(quote, context: context)
            fresh.append(("q:" + symbol, .stock(quote)))
            journal.record(quality: quote.enrichment.quality, for: symbol)
            rows.append(
                WatchlistRow(
                    symbol: symbol, quote: quote, sparkline: quote.value.dailyBar.map { [$0.open, $0.close] } ?? []))
        case .failure(let failure):
            require(failure.symbol == nil || failure.symbol == symbol, "failure for \(symbol) names another symbol")
            journal.record(failure, at: context.now)
            rows.append(WatchlistRow(symbol: symbol, failure: failure))
        }
    }

    // The cache gives back exactly what the pipeline stored.
    let (read, stats) = Scene.cacheRoundTrip(fresh)
    for (key, value) in fresh {
        guard case .stock(let stored) = value, case .stock(let back)? = read[key] else {
            violated("cache lost \(escaped(key))")
        }
        require(stored == back, "cache returned another value for \(escaped(key))")
    }

    // The screens.
    let market = DashboardSnapshot(
        generation: 1, origin: .simulated, clock: Scene.openClock, lastSuccessfulRefresh: context.now,
        watchlist: rows, quality: journal.quality(for: symbols), validationFailures: journal.failures,
        failureCounts: journal.counts)
    var state = AppState(size: Size(width: 80, height: 24))
    _ = update(&state, .update(DashboardUpdate(market: market, metrics: MetricsSnapshot(), cache: stats)))
    _ = update(&state, .tick(now: context.now))
    let contract = OCCSymbol(root: "AAPL", expiration: context.today, kind: .call, strikeThousandths: 100_000)
    var recycled = ScreenBuffer(size: Size(width: 0, height: 0))
    let size = Scene.sizes[bytes.count % 3]
    // The watchlist every time, and one other screen chosen by the input's length (rendering is
    // most of the cost of an input).
    let contractRoute: [Route] = [.watchlist, .optionChain("AAPL"), .contract(contract)]
    let others: [[Route]] = [[.quality], [.validation], [.cache], contractRoute]
    for routes in [[.watchlist], others[(bytes.count / 3) % others.count]] {
        Scene.renderAndCheck(state, routes: routes, size: size, now: context.now, recycled: &recycled, "snapshots")
    }
    // Sorted, filtered and selected the way keys would leave it.
    for key: Key in [.char("s"), .char("s"), .down, .end] { _ = update(&state, .key(key)) }
    Scene.renderAndCheck(
        state, routes: [.watchlist], size: Scene.sizes[(bytes.count / 12) % 3], now: context.now,
        recycled: &recycled, "sorted", recycle: true)
    return 0
}
