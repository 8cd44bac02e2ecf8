import AlpacaAPI
public import MarketModel

extension MarketDataService {
    /// The most watchlists listed, and the most symbols taken from one.
    static let maximumWatchlists = 200
    static let maximumWatchlistSymbols = 500

    /// The account's watchlists (`GET /v2/watchlists`), newest change first, each name bounded.
    ///
    /// Asked for by the user, so never from the cache.
    public func alpacaWatchlists() async -> Result<[AlpacaWatchlist], PipelineFailure> {
        do {
            let entries = try await client.watchlists()
            let lists = entries.compactMap(\.value).prefix(Self.maximumWatchlists).map { wire in
                AlpacaWatchlist(id: wire.id, name: String(wire.name.prefix(64)), updatedAt: wire.updatedAt)
            }
            return .success(
                lists.sorted {
                    ($0.updatedAt?.nanoseconds ?? .min, $1.name) > ($1.updatedAt?.nanoseconds ?? .min, $0.name)
                })
        } catch let error as AlpacaError {
            return .failure(QuoteProcessor.upstreamFailure(error, symbol: nil))
        } catch {
            return .failure(PipelineFailure(code: .upstreamError, message: "\(error)"))
        }
    }

    /// The stock symbols of one watchlist (`GET /v2/watchlists/{id}`), in Alpaca's order.
    ///
    /// An asset whose symbol is not a stock symbol (an option, a crypto pair, hostile text) is
    /// left out and counted as a V005 rejection, so it is visible in the Validation panel.
    public func alpacaWatchlistSymbols(id: String) async -> Result<(name: String, symbols: [String]), PipelineFailure> {
        do {
            let wire = try await client.watchlist(id: id)
            var symbols: [String] = []
            for asset in wire.assets ?? [] {
                guard SymbolFormat.isStock(asset.symbol) else {
                    journal.record(
                        PipelineFailure(
                            code: .dataValidationError, rule: Rules.symbolFormat,
                            symbol: String(asset.symbol.prefix(32)),
                            message: "in watchlist \(wire.name.prefix(64)): not a stock symbol"),
                        at: context().now)
                    continue
                }
                if !symbols.contains(asset.symbol) { symbols.append(asset.symbol) }
                if symbols.count == Self.maximumWatchlistSymbols { break }
            }
            return .success((String(wire.name.prefix(64)), symbols))
        } catch let error as AlpacaError {
            return .failure(QuoteProcessor.upstreamFailure(error, symbol: nil))
        } catch {
            return .failure(PipelineFailure(code: .upstreamError, message: "\(error)"))
        }
    }
}
