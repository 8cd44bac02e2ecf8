import AlpacaAPI
public import MarketModel
import TTLCache

extension MarketDataService {
    /// The most bars a chart asks for.
    public static let chartBarLimit = 300

    /// A chart's bars: each bar validated on its own, so one bad bar becomes a gap with its rule
    /// id instead of costing the whole series (cached as historical data).
    /// - Parameters:
    ///   - symbol: The ticker.
    ///   - timeframe: One of ``ChartSeries/timeframes``.
    ///   - bypassCache: Skip the cache.
    public func chart(_ symbol: String, timeframe: String, bypassCache: Bool = false) async -> ChartSeries {
        let context = context()
        var series = ChartSeries(symbol: symbol, timeframe: timeframe)
        guard SymbolFormat.isStock(symbol), ChartSeries.timeframes.contains(timeframe) else {
            series.failure = context.failure(.dataValidationError, Rules.symbolFormat, symbol, "no chart for this")
            return series
        }
        let client = self.client
        let journal = self.journal
        let limit = Self.chartBarLimit
        do {
            let (value, _) = try await cache.value(
                for: "chart:\(symbol):\(timeframe)", class: .historical, bypass: bypassCache
            ) {
                let start = context.now.adding(seconds: -Self.lookback(timeframe: timeframe, count: limit))
                let batch = try await client.stockBars([symbol], timeframe: timeframe, start: start, limit: nil)
                if let error = batch.failures[symbol] { throw error }
                switch batch.entries[symbol] {
                case .value(let wires)?:
                    return .chart(
                        wires.suffix(limit).map { wire in
                            switch IngressValidator.bar(wire, name: "bar", symbol: symbol, context: context) {
                            case .success(let bar): return .bar(bar)
                            case .failure(let failure):
                                journal.record(failure, at: context.now)
                                return .rejected(time: wire.time, failure: failure)
                            }
                        })
                case .invalid(let error)?:
                    let failure = context.failure(
                        .dataValidationError, Rules.schema, symbol, "malformed bars: \(error)")
                    journal.record(failure, at: context.now)
                    throw failure
                default:
                    return .chart([])
                }
            }
            if case .chart(let slots) = value { series.slots = slots }
            series.fetchedAt = context.now
        } catch let failure as PipelineFailure {
            series.failure = failure
        } catch let error as AlpacaError {
            series.failure = QuoteProcessor.upstreamFailure(error, symbol: symbol)
        } catch {
            series.failure = PipelineFailure(code: .upstreamError, symbol: symbol, message: "\(error)")
        }
        return series
    }
}
