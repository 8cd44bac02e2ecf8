import MarketModel

/// One option contract's served data with its test override applied.
struct OptionView: Sendable {
    /// The generated snapshot after quote/trade overrides.
    var snapshot: SimOptionSnapshot
    /// The override in force, flattened.
    let overrides: [QuoteOverride]

    /// Prices `contract` with `engine` and applies the contract's override.
    init(contract: OCCSymbol, engine: OptionEngine, context: RouteContext) {
        snapshot = engine.snapshot(contract)
        overrides = context.hooks.optionOverrides[contract.description]?.flattened ?? []
        for override in overrides {
            switch override {
            case .crossed:
                let bid = snapshot.quote.bidPrice
                snapshot.quote.bidPrice = Rounding.round(snapshot.quote.askPrice + 0.05, places: 2)
                snapshot.quote.askPrice = bid
            case .bidPrice(let price): snapshot.quote.bidPrice = price
            case .askPrice(let price): snapshot.quote.askPrice = price
            case .lastPrice(let price):
                if snapshot.trade == nil {
                    snapshot.trade = SimTrade(
                        time: snapshot.quote.time, exchange: "C", price: price, size: 1, id: 0, extendedHours: false)
                }
                snapshot.trade?.price = price
            case .quoteAge(let seconds):
                snapshot.quote.time = context.clock.now.adding(seconds: -seconds)
                snapshot.trade?.time = context.clock.now.adding(seconds: -seconds - 0.25)
            default: break
            }
        }
    }

    /// Whether the entry is served as `null` / absent.
    var isNull: Bool { overrides.contains(.null) }

    /// The map key.
    var key: String {
        for case .renamedKey(let key) in overrides { return key }
        return snapshot.contract.description
    }

    /// The snapshot entry.
    var snapshotJSON: JSONValue {
        for case .rawSnapshotJSON(let text) in overrides { return .raw(text) }
        if isNull { return .null }
        return WireEncoder.optionSnapshot(snapshot, includeQuote: !overrides.contains(.missingLatestQuote))
    }
}
