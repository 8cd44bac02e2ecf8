/// A test hook that replaces or distorts what the simulator serves for one stock or option.
public enum QuoteOverride: Sendable, Hashable {
    /// Serve this exact JSON text as the symbol's snapshot entry (stock snapshots, option chain and
    /// option snapshots). Other endpoints serve the normal data.
    case rawSnapshotJSON(String)
    /// A crossed quote: the bid above the ask.
    case crossed
    /// Force the bid price.
    case bidPrice(Double)
    /// Force the ask price.
    case askPrice(Double)
    /// Stamp the quote and trade this many seconds before now (negative: in the future).
    case quoteAge(seconds: Double)
    /// Force the last trade price.
    case lastPrice(Double)
    /// The entry is `null` in snapshot maps and absent from latest maps.
    case null
    /// Snapshots lack their `latestQuote` object (schema drift).
    case missingLatestQuote
    /// Serve the entry under this map key instead of its symbol (for example an invalid OCC symbol).
    case renamedKey(String)
    /// Several overrides at once, applied in order.
    case combined([QuoteOverride])

    /// The overrides this one stands for, flattened.
    var flattened: [QuoteOverride] {
        if case .combined(let list) = self { return list.flatMap(\.flattened) }
        return [self]
    }
}
