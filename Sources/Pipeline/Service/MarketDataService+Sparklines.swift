import AlpacaAPI
public import MarketModel
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
            if case .bars(let bars)? = await cache.get("spark:" + symbol, class: .historical) {
                out[symbol] = bars.map(\.close)
            } else {
                misses.append(symbol)
            }
        }
        guard !misses.isEmpty else { return out }
        let start = context.now.adding(seconds: -Double(days) * 1.6 * 86_400 - 7 * 86_400)
        let batch = try await client.stockBars(misses, timeframe: "1Day", start: start)
        for symbol in misses {
            guard let wires = batch.entries[symbol]?.value else { continue }
            var bars: [Bar] = []
            for wire in wires.suffix(days) {
                let result = IngressValidator.bar(wire, name: "bar", symbol: symbol, context: context)
                guard case .success(let bar) = result else {
                    bars = []
                    break
                }
                bars.append(bar)
            }
            guard !bars.isEmpty else { continue }
            await cache.set("spark:" + symbol, .bars(bars), class: .historical)
            out[symbol] = bars.map(\.close)
        }
        return out
    }
}
