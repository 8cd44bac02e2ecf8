public import MarketModel

/// Which prices of a watchlist row changed in the latest update, and when: the row's cells are
/// highlighted for ``duration`` seconds after a tick lands.
public struct PriceTick: Sendable, Equatable {
    /// How long a changed cell stays highlighted.
    public static let duration = 0.8

    /// When the change was processed.
    public var at: Timestamp
    /// Whether the last price changed.
    public var last: Bool
    /// Whether the bid changed.
    public var bid: Bool
    /// Whether the ask changed.
    public var ask: Bool

    /// Whether the highlight still shows at `now`.
    public func isFresh(at now: Timestamp) -> Bool {
        let age = now.seconds(since: at)
        return age >= 0 && age < Self.duration
    }
}

extension AppState {
    /// Records which prices changed between two publications of the watchlist.
    mutating func noteTicks(from old: [WatchlistRow], to new: [WatchlistRow]) {
        var previous: [String: StockQuote] = [:]
        for row in old { if let quote = row.quote?.value { previous[row.symbol] = quote } }
        for row in new {
            guard let processed = row.quote, let before = previous[row.symbol] else { continue }
            let quote = processed.value
            let tick = PriceTick(
                at: processed.enrichment.processingTimestamp, last: quote.lastPrice != before.lastPrice,
                bid: quote.bidPrice != before.bidPrice, ask: quote.askPrice != before.askPrice)
            if tick.last || tick.bid || tick.ask { ticks[row.symbol] = tick }
        }
        if ticks.count > new.count * 2 + 16 {
            let symbols = Set(new.map(\.symbol))
            ticks = ticks.filter { symbols.contains($0.key) }
        }
    }
}
