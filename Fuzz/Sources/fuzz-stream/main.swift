// fuzz-stream: one market-data stream frame, as the server could send it, through the stream's
// whole path without network or clock: StreamDecoder (JSON text or MessagePack, chosen by the
// first byte) → each data message merged into a snapshot (`MarketDataService.merge`) → the same
// stages as REST data (QuoteProcessor) → the watchlist screen rendered into a ScreenBuffer; an
// option contract's quote or trade through the option stages into the chain's cell and the chain
// screen.
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
    var held: [String: StockQuote] = [:]
    var rows: [WatchlistRow] = []
    var optionBase: [String: WireOptionSnapshot] = [:]
    var chain: OptionChainView?
    for message in messages.prefix(256) {
        guard message.isData, let symbol = message.symbol else { continue }
        if let contract = OCCSymbol(symbol), message.typeCode == "q" || message.typeCode == "t" {
            // The option stream's path: merged into the contract's snapshot, the option stages, the
            // chain's cell (the first contract's chain; others are not in it and change nothing).
            let merged = MarketDataService.merge(message, into: optionBase[symbol] ?? WireOptionSnapshot())
            let result = processor.processOptions(
                [symbol], batch: BatchResult(entries: [symbol: .value(merged)]), underlying: contract.root,
                listings: [:], underlyingPrice: 100, context: context)
            require(result.count == 1, "one result per option message")
            if case .success(let quote) = result[0].result {
                PassedChecks.option(quote, context: context)
                optionBase[symbol] = merged
                var view =
                    chain
                    ?? OptionChainView(
                        underlying: contract.root, underlyingPrice: 100, expirations: [contract.expiration],
                        selectedExpiration: contract.expiration,
                        rows: [
                            OptionChainView.Row(
                                strikeThousandths: contract.strikeThousandths,
                                call: contract.kind == .call ? OptionChainView.Cell(contract: contract) : nil,
                                put: contract.kind == .put ? OptionChainView.Cell(contract: contract) : nil)
                        ])
                let placed = view.place(quote)
                require(!placed || view.rows.contains { $0.call?.quote == quote || $0.put?.quote == quote }, "placed")
                chain = view
            }
            continue
        }
        // The stream's path (the message's part into the held quote) and the merged snapshot
        // validated whole must agree.
        let merged = MarketDataService.merge(message, into: base[symbol] ?? WireStockSnapshot())
        let batch = BatchResult<WireStockSnapshot>(entries: [symbol: .value(merged)])
        let whole = processor.processStocks([symbol], batch: batch, context: context)
        let result = processor.processStream(
            [message], at: [0], bases: [held[symbol] ?? StockQuote(symbol: symbol)], context: context)
        require(result.count == 1 && whole.count == 1, "one result per message")
        require(result[0].result == whole[0].result, "the part and the whole agree")
        if case .success(let quote) = result[0].result {
            PassedChecks.stock(quote, context: context)
            base[symbol] = merged
            held[symbol] = quote.value
            if rows.count < 40 { rows.append(WatchlistRow(symbol: symbol, quote: quote)) }
        }
    }
    var market = DashboardSnapshot(
        generation: 1, origin: .simulated, clock: Scene.openClock, lastSuccessfulRefresh: context.now,
        watchlist: rows)
    market.stream = StreamStatus(state: .streaming, url: "ws://fuzz", framing: framing.rawValue)
    market.stream?.subscribed = rows.map(\.symbol)
    market.chain = chain
    var state = AppState(size: Size(width: 120, height: 40))
    _ = update(&state, .update(DashboardUpdate(market: market)))
    var routes: [[Route]] = [[.watchlist], [.upstream]]
    if let chain {
        state.chainSymbol = chain.underlying
        routes.append([.watchlist, .optionChain(chain.underlying)])
    }
    var recycled = ScreenBuffer(size: Size(width: 0, height: 0))
    for routes in routes {
        Scene.renderAndCheck(
            state, routes: routes, size: Scene.sizes[bytes.count % 3], now: context.now, recycled: &recycled,
            "stream")
    }
    return 0
}
