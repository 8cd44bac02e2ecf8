import AlpacaAPI
import MarketModel
import TTLCache

extension MarketDataService {
    /// Recent daily closes of many symbols for the watchlist sparklines (historical data, cached
    /// 1 h): one multi-symbol bars request for every symbol not cached, every bar validated.
    /// - Parameters:
    ///   - symbols: Tickers.
    ///   - days: How many daily bars to keep per symbol.
    /// - Returns: Closes per symbol, oldest first; symbols whose bars failed are absent.
    public func sparklines(_ symbols: [String], days: Int = 30) async throws -> [String: [Double]] {
        let context = context()
        var out: [String: [Double]] = [:]
        var misses: [String] = []
        for symbol in symbols where SymbolFormat.isStock(symbol) {
            if case .closes(let closes)? = await cache.get("spark:" + symbol, class: .historical) {
                out[symbol] = closes
            } else {
                misses.append(symbol)
            }
        }
        let start = context.now.adding(seconds: -Double(days) * 1.6 * 86_400 - 7 * 86_400)
        // One request's worth of symbols at a time, each reduced to its closes before the next:
        // the wire bars of a thousand symbols held at once were the dashboard's largest
        // allocation (8 MB of ~38 bars each, docs/performance.md).
        for chunk in AlpacaClient.requestChunks(misses, size: client.configuration.stockChunkSize) {
            let batch = try await client.stockBars(chunk, timeframe: "1Day", start: start)
            var fresh: [(String, CachedValue)] = []
            for symbol in chunk {
                guard let wires = batch.entries[symbol]?.value,
                    let closes = Self.validatedCloses(wires.suffix(days), symbol: symbol, context: context)
                else { continue }
                fresh.append(("spark:" + symbol, .closes(closes)))
                out[symbol] = closes
            }
            await TTLCache.setMany(fresh, class: .historical, in: cache)
        }
        return out
    }

    /// The closes of bars that all pass ingress validation, or nil when any fails or none exist.
    private static func validatedCloses(
        _ wires: ArraySlice<WireBar>, symbol: String, context: StageContext
    ) -> [Double]? {
        var closes: [Double] = []
        closes.reserveCapacity(wires.count)
        for wire in wires {
            guard case .success(let bar) = IngressValidator.bar(wire, name: "bar", symbol: symbol, context: context)
            else { return nil }
            closes.append(bar.close)
        }
        return closes.isEmpty ? nil : closes
    }
}
