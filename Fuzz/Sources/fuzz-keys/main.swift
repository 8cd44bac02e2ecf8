// fuzz-keys: raw key input → `KeyDecoder` → the reducer (`update`) → a render at a size also
// taken from the input, degenerate sizes (1×1, 0×0) included.
//
// Input: bytes 0–1 are the final render size (columns % 160, rows % 60). Then up to 32 quads
// [kind, a, b, c] become messages: a character `wget_wch` result (a | b << 8 | c << 16, any value
// up to 0xFFFFFF, or just `a` when kind bit 3 is set), a function-key code (256 + a | b << 8
// mod 300, around ncurses' KEY_MIN…KEY_MAX), a resize to (a % 160)×(b % 60), a tick, or fresh
// data (with or without the chain). The data is a fixed watchlist and chain that went through
// the real pipeline. Invariants: the route stack is never empty and is well formed, effects
// carry sane values, and every frame passes `checkFrame`.

import AlpacaAPI
import DashboardUI
import FuzzSupport
import MarketMetrics
import MarketModel
import Pipeline
import TTLCache
import TUICore
import TUINCurses

/// The dashboard's data after one refresh of a fixed upstream (computed once).
let fixture: (withChain: DashboardUpdate, withoutChain: DashboardUpdate) = {
    let context = Scene.openContext()
    let body = Array(
        """
        {"AAPL":{"latestTrade":{"t":"2024-03-15T14:29:58Z","p":187.25,"s":100},
        "latestQuote":{"t":"2024-03-15T14:29:59Z","bp":187.2,"ap":187.3,"bs":3,"as":2},
        "dailyBar":{"t":"2024-03-15T04:00:00Z","o":186,"h":188,"l":185.5,"c":187.25,"v":52345678},
        "prevDailyBar":{"t":"2024-03-14T04:00:00Z","o":185,"h":186,"l":184,"c":185.5,"v":50000000}},
        "MSFT":{"latestQuote":{"t":"2024-03-15T14:29:59Z","bp":0,"ap":412.3,"bs":0,"as":2}},
        "TSLA":{"latestTrade":{"t":"2024-03-15T14:20:00Z","p":170.05,"s":5}},
        "ZZZZ":{"latestQuote":{"t":"2024-03-15T14:29:59Z","bp":10.5,"ap":10.1}},
        "NVDA":null}
        """.utf8)
    let symbols = ["AAPL", "MSFT", "TSLA", "ZZZZ", "NVDA", "SPY", "中文", "BAD\u{1B}[2J"]
    let entries = (try? AlpacaClient.decodeStockSnapshots(body)) ?? [:]
    let journal = PipelineJournal()
    var rows: [WatchlistRow] = []
    for (symbol, result) in QuoteProcessor(metrics: nil).processStocks(
        symbols, batch: BatchResult(entries: entries), context: context)
    {
        switch result {
        case .success(let quote):
            journal.record(quality: quote.enrichment.quality, for: symbol)
            rows.append(WatchlistRow(symbol: symbol, quote: quote, sparkline: [184, 185, 186, 187.25]))
        case .failure(let failure):
            journal.record(failure, at: context.now)
            rows.append(WatchlistRow(symbol: symbol, failure: failure))
        }
    }
    var chainRows: [OptionChainView.Row] = []
    let expiry = CalendarDate(year: 2024, month: 3, day: 22)!
    for (index, strike) in [180_000, 185_000, 187_500, 190_000, 195_000].enumerated() {
        func cell(_ kind: OCCSymbol.Kind) -> OptionChainView.Cell {
            let contract = OCCSymbol(root: "AAPL", expiration: expiry, kind: kind, strikeThousandths: strike)
            let quote = OptionQuote(
                contract: contract, underlying: "AAPL", bidPrice: 1.0 + Double(index), askPrice: 1.1 + Double(index),
                bidSize: 10, askSize: 12, quoteTime: context.now, lastPrice: 1.05, lastSize: 1, volume: 1_250,
                openInterest: 15_300, impliedVolatility: 0.2345,
                greeks: Greeks(delta: kind == .call ? 0.5 : -0.5, gamma: 0.03, theta: -0.05, vega: 0.12, rho: 0.01))
            return OptionChainView.Cell(
                contract: contract,
                quote: Processed(value: quote, enrichment: Enricher.enrich(quote, context: context), delivery: .cache))
        }
        chainRows.append(OptionChainView.Row(strikeThousandths: strike, call: cell(.call), put: cell(.put)))
    }
    let chain = OptionChainView(
        underlying: "AAPL", underlyingPrice: 187.25,
        expirations: [expiry, CalendarDate(year: 2024, month: 3, day: 28)!], selectedExpiration: expiry,
        rows: chainRows, fetchedAt: context.now)
    let metrics = MetricsSnapshot(
        stages: [StageMetrics(name: "validate", successes: 1_200, failures: 10, p50: 0.000_04, p99: 0.000_3)],
        endpoints: [
            EndpointMetrics(
                name: "GET /v2/stocks/snapshots", requests: 310, errorsByStatus: [503: 2], rateLimited: 1, p50: 0.012,
                p99: 0.25, lastError: "503\u{1B}[2J", lastErrorAt: context.now.secondsSinceEpoch - 30)
        ],
        rateLimit: RateLimitStatus(limit: 200, remaining: 187, resetAt: context.now.secondsSinceEpoch + 12),
        connection: .connected)
    let cache = [CacheClassReport(name: "real-time", ttlSeconds: 30, stats: CacheStats(hits: 9, misses: 3, entries: 6))]
    func update(_ chain: OptionChainView?) -> DashboardUpdate {
        DashboardUpdate(
            market: DashboardSnapshot(
                generation: 7, origin: .simulated, clock: Scene.openClock, lastSuccessfulRefresh: context.now,
                watchlist: rows, chain: chain, quality: journal.quality(for: symbols),
                validationFailures: journal.failures, failureCounts: journal.counts),
            metrics: metrics, cache: cache)
    }
    return (update(chain), update(nil))
}()

func checkState(_ state: AppState, _ effects: [Effect]) {
    require(!state.routes.isEmpty, "the route stack is empty")
    for (index, route) in state.routes.enumerated() {
        switch route {
        case .optionChain:
            require(index == 1 && state.routes[0] == .watchlist, "a chain route at \(index) of \(state.routes)")
        case .contract:
            require(index == 2, "a contract route at \(index) of \(state.routes)")
            if case .optionChain = state.routes[1] {} else { violated("a contract not above a chain: \(state.routes)") }
        case .chart:
            // A chart opens over the watchlist, a chain or the portfolio, and nothing opens over it.
            require(index >= 1 && index == state.routes.count - 1, "a chart route at \(index) of \(state.routes)")
        default:
            require(index == 0, "a panel route at \(index) of \(state.routes)")
        }
    }
    require(state.refreshInterval.isFinite && state.refreshInterval > 0, "refresh interval \(state.refreshInterval)")
    for effect in effects {
        if case .command(.setRefreshInterval(let seconds)) = effect {
            require(seconds.isFinite && seconds > 0 && seconds <= 3600, "set refresh interval \(seconds)")
        }
        if case .command(.addSymbol(let symbol)) = effect {
            require(SymbolFormat.isStock(symbol), "adds a non-stock symbol \(escaped(symbol))")
        }
    }
    for (_, text) in state.filters { require(text.count <= 32, "a filter of \(text.count) characters") }
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var reader = ByteReader(data, count)
    let finalSize = Size(width: Int(reader.u8() % 160), height: Int(reader.u8() % 60))
    var state = AppState(size: Size(width: 80, height: 24), origin: .simulated)
    var now = Scene.openNow
    _ = update(&state, .update(fixture.withChain))
    _ = update(&state, .tick(now: now))
    var recycled = ScreenBuffer(size: Size(width: 0, height: 0))
    var messages = 0
    while !reader.isAtEnd && messages < 32 {
        messages += 1
        let kind = reader.u8()
        let (a, b, c) = (reader.u8(), reader.u8(), reader.u8())
        let message: Message?
        switch kind % 8 {
        case 0...4:
            let value = kind & 8 != 0 ? UInt32(a) : UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16
            message = KeyDecoder.decode(.character(value)).map { .key($0) }
            if let key = KeyDecoder.decode(.character(value)), case .char(let ch) = key {
                for scalar in ch.unicodeScalars {
                    require(
                        !isForbiddenInCell(scalar), "the decoder made a key of U+\(String(scalar.value, radix: 16))")
                }
            }
        case 5:
            message = KeyDecoder.decode(.keyCode(Int32(256 + (Int(a) | Int(b) << 8) % 300))).map { .key($0) }
        case 6:
            message = .resize(Size(width: Int(a % 160), height: Int(b % 60)))
        default:
            if a & 1 == 0 {
                now = now.adding(seconds: Double(b))
                message = .tick(now: now)
            } else {
                message = .update(b & 1 == 0 ? fixture.withChain : fixture.withoutChain)
            }
        }
        guard let message else { continue }
        let effects = update(&state, message)
        checkState(state, effects)
        if messages == 16 {
            Scene.renderAndCheck(state, routes: state.routes, size: state.size, now: now, recycled: &recycled, "keys")
        }
    }
    Scene.renderAndCheck(state, routes: state.routes, size: state.size, now: now, recycled: &recycled, "keys")
    Scene.renderAndCheck(
        state, routes: state.routes, size: finalSize, now: now, recycled: &recycled, "keys (final)", recycle: true)
    if finalSize.width % 8 == 0 {
        var help = state
        help.helpVisible = true
        Scene.renderAndCheck(help, routes: help.routes, size: finalSize, now: now, recycled: &recycled, "help")
    }
    return 0
}
