import MarketModel

extension AlpacaClient {
    /// `GET /v1beta1/options/snapshots/{underlying}`: the option chain, every page followed.
    /// - Parameters:
    ///   - underlying: The underlying symbol.
    ///   - filter: Chain filters.
    /// - Returns: Snapshots keyed by contract symbol, each decoded on its own.
    public func optionChain(
        _ underlying: String, filter: OptionChainFilter = OptionChainFilter()
    ) async throws
        -> BatchResult<WireOptionSnapshot>
    {
        let endpoint = "GET /v1beta1/options/snapshots/{underlying}"
        var result = BatchResult<WireOptionSnapshot>()
        let path = "/v1beta1/options/snapshots/" + Self.segment(underlying)
        result.requestCount = try await paginate(endpoint: endpoint) { token in
            var query = QueryItems()
            query.add("feed", configuration.optionsFeed)
            query.add("limit", 1000)
            filter.apply(to: &query)
            query.add("page_token", token)
            let root = try await getJSON(
                .data, path, query: query, endpoint: endpoint, timeout: configuration.requestTimeout * 1.5)
            result.entries.merge(
                Self.decodeMap(root["snapshots"], WireOptionSnapshot.init(json:), redacting: redacted)
            ) { _, new in new }
            return Self.nextToken(root)
        }
        return result
    }

    /// `GET /v1beta1/options/snapshots?symbols=`: snapshots of given contracts, ≤ 100 per request.
    public func optionSnapshots(_ symbols: [String]) async throws -> BatchResult<WireOptionSnapshot> {
        let endpoint = "GET /v1beta1/options/snapshots"
        let feed = configuration.optionsFeed
        return try await chunked(symbols, size: configuration.optionChunkSize) { chunk in
            var result = BatchResult<WireOptionSnapshot>()
            result.requestCount = try await paginate(endpoint: endpoint) { token in
                var query = QueryItems()
                query.add("symbols", chunk.joined(separator: ","))
                query.add("feed", feed)
                query.add("limit", 1000)
                query.add("page_token", token)
                let root = try await getJSON(.data, "/v1beta1/options/snapshots", query: query, endpoint: endpoint)
                result.entries.merge(
                    Self.decodeMap(root["snapshots"], WireOptionSnapshot.init(json:), redacting: redacted)
                ) { _, n in n }
                return Self.nextToken(root)
            }
            return result
        }
    }

    /// `GET /v1beta1/options/quotes/latest`, ≤ 100 symbols per request.
    public func latestOptionQuotes(_ symbols: [String]) async throws -> BatchResult<WireQuote> {
        try await latest(
            symbols, chunkSize: configuration.optionChunkSize, feed: configuration.optionsFeed,
            path: "/v1beta1/options/quotes/latest", key: "quotes", WireQuote.init(json:))
    }

    /// `GET /v1beta1/options/trades/latest`, ≤ 100 symbols per request.
    public func latestOptionTrades(_ symbols: [String]) async throws -> BatchResult<WireTrade> {
        try await latest(
            symbols, chunkSize: configuration.optionChunkSize, feed: configuration.optionsFeed,
            path: "/v1beta1/options/trades/latest", key: "trades", WireTrade.init(json:))
    }

    /// `GET /v2/options/contracts`: contract listings, every page followed.
    /// - Parameters:
    ///   - underlyings: Underlying symbols.
    ///   - filter: Filters; give an expiration range, or Alpaca returns only contracts expiring
    ///     before the next weekend.
    ///   - status: `active` (default) or `inactive`.
    /// - Returns: Contracts keyed by symbol (`#N` for an entry too broken to have one).
    public func optionContracts(
        underlyings: [String], filter: OptionChainFilter = OptionChainFilter(), status: String? = nil
    ) async throws -> BatchResult<WireOptionContract> {
        let endpoint = "GET /v2/options/contracts"
        var result = BatchResult<WireOptionContract>()
        var index = 0
        result.requestCount = try await paginate(endpoint: endpoint) { token in
            var query = QueryItems()
            query.add("underlying_symbols", underlyings.joined(separator: ","))
            query.add("status", status)
            filter.apply(to: &query)
            query.add("limit", 10_000)
            query.add("page_token", token)
            let root = try await getJSON(.trading, "/v2/options/contracts", query: query, endpoint: endpoint)
            for element in (try? root["option_contracts"]?.elements()) ?? [] {
                index += 1
                let key = (try? element.optional("symbol") { v throws(DecodeError) in try v.string() }) ?? nil
                do throws(DecodeError) {
                    let contract = try WireOptionContract(json: element)
                    result.entries[contract.symbol] = .value(contract)
                } catch {
                    result.entries[key ?? "#\(index)"] = .invalid(redacted(error))
                }
            }
            return Self.nextToken(root)
        }
        return result
    }

    /// `GET /v2/options/contracts/{symbol}`: one contract.
    public func optionContract(_ symbol: String) async throws -> WireOptionContract {
        let endpoint = "GET /v2/options/contracts/{symbol}"
        let root = try await getJSON(.trading, "/v2/options/contracts/" + Self.segment(symbol), endpoint: endpoint)
        return try decodeOne(root, endpoint: endpoint, WireOptionContract.init(json:))
    }

    /// Decodes a single-object response, mapping a decode failure to `AlpacaError.decoding`.
    func decodeOne<Value>(
        _ root: JSONValue, endpoint: String, _ decode: (JSONValue) throws(DecodeError) -> Value
    ) throws(AlpacaError) -> Value {
        do throws(DecodeError) {
            return try decode(root)
        } catch {
            throw AlpacaError(kind: .decoding, message: redact(error.description), endpoint: endpoint)
        }
    }

    /// Decodes an array response element by element.
    func decodeList<Value: Sendable>(
        _ root: JSONValue, endpoint: String, _ decode: (JSONValue) throws(DecodeError) -> Value
    ) throws(AlpacaError) -> [Entry<Value>] {
        guard let elements = try? root.elements() else {
            throw AlpacaError(kind: .decoding, message: "expected an array", endpoint: endpoint)
        }
        return elements.map { element in
            do throws(DecodeError) { return .value(try decode(element)) } catch { return .invalid(redacted(error)) }
        }
    }
}
