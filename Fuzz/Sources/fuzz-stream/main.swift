// fuzz-stream: one market-data stream frame, as the server could send it, through the stream's
// whole path without network or clock: StreamDecoder (JSON text or MessagePack, chosen by the
// first byte) → each data message merged into a snapshot (`MarketDataService.merge`) → the same
// stages as REST data (QuoteProcessor) → the watchlist screen rendered into a ScreenBuffer.
//
// Invariants: decoding never traps and never yields more messages than the frame has bytes (plus
// one for a frame-level error); no non-finite or out-of-range value passes the stages; every
// frame passes `checkFrame`.

import AlpacaAPI
import AlpacaStream
import DashboardUI
import FuzzSupport
import MarketMetrics
import MarketModel
import Pipeline
import TUICore

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let all = ByteReader(data, count).bytes
    guard let selector = all.first else { return 0 }
    let bytes = Array(all.dropFirst())
    let framing: StreamFraming = selector & 1 == 0 ? .json : .msgpack
    let messages = StreamDecoder.decode(bytes, framing: framing)
    require(messages.count <= bytes.count + 1, "\(messages.count) messages from \(bytes.count) bytes")
    let context = Scene.openContext()
    let processor = QuoteProcessor(metrics: nil)
    var base: [String: WireStockSnapshot] = [:]
    var rows: [WatchlistRow] = []
    for message in messages.prefix(256) {
        guard message.isData, let symbol = message.symbol else { continue }
        let merged = MarketDataService.merge(message, into: base[symbol] ?? WireStockSnapshot())
        let batch = BatchResult<WireStockSnapshot>(entries: [symbol: .value(merged)])
        let result = processor.processStocks([symbol], batch: batch, context: context)
        require(result.count == 1, "one result per message")
        if case .success(let quote) = result[0].result {
            PassedChecks.stock(quote, context: context)
            base[symbol] = merged
            if rows.count < 40 { rows.append(WatchlistRow(symbol: symbol, quote: quote)) }
        }
    }
    var market = DashboardSnapshot(
        generation: 1, origin: .simulated, clock: Scene.openClock, lastSuccessfulRefresh: context.now,
        watchlist: rows)
    market.stream = StreamStatus(state: .streaming, url: "ws://fuzz", framing: framing.rawValue)
    market.stream?.subscribed = rows.map(\.symbol)
    var state = AppState(size: Size(width: 120, height: 40))
    _ = update(&state, .update(DashboardUpdate(market: market)))
    var recycled = ScreenBuffer(size: Size(width: 0, height: 0))
    for routes: [Route] in [[.watchlist], [.upstream]] {
        Scene.renderAndCheck(
            state, routes: routes, size: Scene.sizes[bytes.count % 3], now: context.now, recycled: &recycled,
            "stream")
    }
    return 0
}
