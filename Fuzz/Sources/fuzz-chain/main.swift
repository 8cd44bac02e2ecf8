// fuzz-chain: an option chain page (`/v1beta1/options/snapshots/{underlying}` body) through the
// chain path of `MarketDataService.optionChain`, without network or clock: decode → the option
// stages (IngressValidator.validateOption → Enricher → RuleEngine → QualityGate, via
// QuoteProcessor.processOptions) → the chain view built as the service builds it → the option
// chain screen and the contract detail, rendered and checked.
//
// Input: the page body. The underlying requested is AAPL; listings are made for every OCC key
// (open interest from the strike), the underlying's price is 187.25 or unknown (input length).

import AlpacaAPI
import DashboardUI
import FuzzSupport
import MarketMetrics
import MarketModel
import Pipeline
import TUICore

/// A listing for a contract, as `/v2/options/contracts` would describe it.
func listing(for occ: OCCSymbol, key: String) -> WireOptionContract? {
    let strike = String(occ.strikeThousandths / 1000) + "." + String(occ.strikeThousandths % 1000)
    let text = """
        {"id":"c-\(occ.strikeThousandths)","symbol":"\(key)","expiration_date":"\(occ.expiration)",
        "underlying_symbol":"\(occ.root)","type":"\(occ.kind.rawValue)","strike_price":"\(strike)",
        "open_interest":"\(occ.strikeThousandths % 50_000)","multiplier":"100"}
        """
    guard let document = try? JSONDocument(bytes: Array(text.utf8)) else { return nil }
    return try? WireOptionContract(json: document.root)
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = ByteReader(data, count).bytes
    guard let document = try? JSONDocument(bytes: bytes) else { return 0 }
    let root = document.root
    _ = root["next_page_token"].flatMap { try? $0.string() }
    let entries = Scene.decodeMap(root["snapshots"], WireOptionSnapshot.init(json:))
    let underlying = "AAPL"
    let spot: Double? = bytes.count % 2 == 0 ? 187.25 : nil
    let context = Scene.openContext()
    let today = context.today

    var listings: [String: WireOptionContract] = [:]
    for key in entries.keys {
        if let occ = OCCSymbol(key), let contract = listing(for: occ, key: key) { listings[key] = contract }
    }
    let expirations = Array(Set(listings.values.map(\.expirationDate))).filter { $0 >= today }.sorted()
    let chosen = expirations.first ?? today
    var keys = Set(listings.values.filter { $0.expirationDate == chosen }.map(\.symbol))
    keys.formUnion(entries.keys)
    let sortedKeys = Array(keys.sorted().prefix(256))
    let processor = QuoteProcessor(metrics: nil)
    let batch = BatchResult(entries: entries, requestCount: 1)

    // The weekend context: stages only.
    let weekend = Scene.weekendContext()
    for (_, result) in processor.processOptions(
        sortedKeys, batch: batch, underlying: underlying, listings: listings, underlyingPrice: spot, context: weekend)
    {
        if case .success(let quote) = result { PassedChecks.option(quote, context: weekend) }
    }

    let processed = processor.processOptions(
        sortedKeys, batch: batch, underlying: underlying, listings: listings, underlyingPrice: spot, context: context)
    require(processed.count == sortedKeys.count, "\(processed.count) results for \(sortedKeys.count) contracts")
    let journal = PipelineJournal()
    var rows: [Int: OptionChainView.Row] = [:]
    for (key, result) in processed {
        // Each stage on its own as well.
        if case .success(let quote) = IngressValidator.validateOption(
            key: key, entry: entries[key], underlying: underlying, contract: listings[key], context: context)
        {
            PassedChecks.enrichment(Enricher.enrich(quote, context: context), "enricher")
            _ = RuleEngine.check(quote, underlyingPrice: spot, context: context)
        }
        switch result {
        case .success(let quote): PassedChecks.option(quote, context: context)
        case .failure(let failure): if failure.rule != nil { journal.record(failure, at: context.now) }
        }
        guard let occ = OCCSymbol(key), occ.expiration == chosen else { continue }
        var cell = OptionChainView.Cell(contract: occ)
        switch result {
        case .success(let quote): cell.quote = quote
        case .failure(let failure): cell.failure = failure
        }
        var row = rows[occ.strikeThousandths] ?? OptionChainView.Row(strikeThousandths: occ.strikeThousandths)
        if occ.kind == .call { row.call = cell } else { row.put = cell }
        rows[occ.strikeThousandths] = row
    }
    let chain = OptionChainView(
        underlying: underlying, underlyingPrice: spot, expirations: expirations, selectedExpiration: chosen,
        rows: rows.values.sorted { $0.strikeThousandths < $1.strikeThousandths }, fetchedAt: context.now)

    let market = DashboardSnapshot(
        generation: 1, origin: .simulated, clock: Scene.openClock, lastSuccessfulRefresh: context.now,
        watchlist: [WatchlistRow(symbol: underlying)], chain: chain, validationFailures: journal.failures,
        failureCounts: journal.counts)
    var state = AppState(size: Size(width: 80, height: 24))
    _ = update(&state, .update(DashboardUpdate(market: market)))
    _ = update(&state, .tick(now: context.now))
    state.chainSymbol = underlying
    var recycled = ScreenBuffer(size: Size(width: 0, height: 0))
    let size = Scene.sizes[bytes.count % 3]
    let chainRoute: [Route] = [.watchlist, .optionChain(underlying)]
    Scene.renderAndCheck(state, routes: chainRoute, size: size, now: context.now, recycled: &recycled, "chain")
    if let first = chain.rows.first, let cell = first.call ?? first.put {
        Scene.renderAndCheck(
            state, routes: chainRoute + [.contract(cell.contract)], size: size, now: context.now, recycled: &recycled,
            "contract")
    }
    // Through the keys: down, the put side, drill down (the contract detail the user would open).
    state.routes = chainRoute
    for key: Key in [.down, .right, .enter] { _ = update(&state, .key(key)) }
    Scene.renderAndCheck(
        state, routes: state.routes, size: Scene.sizes[1], now: context.now, recycled: &recycled, "drilled",
        recycle: true)
    Scene.renderAndCheck(state, routes: [.validation], size: size, now: context.now, recycled: &recycled, "validation")
    return 0
}
