public import MarketModel

extension AlpacaClient {
    /// `GET /v2/stocks/snapshots`: snapshots for many symbols, ≤ 200 per request.
    ///
    /// The response is a flat map; an unknown symbol comes back `null` (`Entry.null`), a malformed
    /// entry `Entry.invalid`, and a symbol absent from both maps was not returned.
    public func stockSnapshots(_ symbols: [String]) async throws -> BatchResult<WireStockSnapshot> {
        let endpoint = "GET /v2/stocks/snapshots"
        let feed = configuration.stockFeed
        return try await chunked(symbols, size: configuration.stockChunkSize) { chunk in
            var query = QueryItems()
            query.add("symbols", chunk.joined(separator: ","))
            query.add("feed", feed)
            let root = try await getJSON(.data, "/v2/stocks/snapshots", query: query, endpoint: endpoint)
            guard root.isObject else {
                throw AlpacaError(kind: .decoding, message: "expected an object", endpoint: endpoint)
            }
            return BatchResult(
                entries: Self.decodeMap(root, WireStockSnapshot.init(json:), redacting: redacted), requestCount: 1)
        }
    }

    /// Decodes a `/v2/stocks/snapshots` body (a flat symbol → snapshot map), each entry on its own.
    /// - Parameter body: The response bytes.
    /// - Throws: `JSONError` when the body is not JSON at all.
    public static func decodeStockSnapshots(_ body: [UInt8]) throws(JSONError) -> [String: Entry<WireStockSnapshot>] {
        decodeMap(try JSONDocument(bytes: body).root, WireStockSnapshot.init(json:))
    }

    /// `GET /v2/stocks/quotes/latest`.
    public func latestStockQuotes(_ symbols: [String]) async throws -> BatchResult<WireQuote> {
        try await latest(
            symbols, chunkSize: configuration.stockChunkSize, feed: configuration.stockFeed,
            path: "/v2/stocks/quotes/latest", key: "quotes", WireQuote.init(json:))
    }

    /// `GET /v2/stocks/trades/latest`.
    public func latestStockTrades(_ symbols: [String]) async throws -> BatchResult<WireTrade> {
        try await latest(
            symbols, chunkSize: configuration.stockChunkSize, feed: configuration.stockFeed,
            path: "/v2/stocks/trades/latest", key: "trades", WireTrade.init(json:))
    }

    /// `GET /v2/stocks/bars/latest`.
    public func latestStockBars(_ symbols: [String]) async throws -> BatchResult<WireBar> {
        try await latest(
            symbols, chunkSize: configuration.stockChunkSize, feed: configuration.stockFeed,
            path: "/v2/stocks/bars/latest", key: "bars", WireBar.init(json:))
    }

    /// `GET /v2/stocks/bars`: bars for many symbols, every page followed and merged per symbol.
    /// - Parameters:
    ///   - symbols: Tickers (chunked by 200).
    ///   - timeframe: for example `1Min`, `1Day`.
    ///   - start: Inclusive start (RFC-3339), optional.
    ///   - end: Inclusive end, optional.
    ///   - limit: The most bars in total per chunk (Alpaca counts across symbols), nil for all.
    ///   - descending: `sort=desc`.
    ///   - pageLimit: The page size sent as `limit` (1–10 000; Alpaca counts it across symbols).
    /// - Returns: Per symbol all bars in order; a symbol with one malformed bar is `Entry.invalid`.
    public func stockBars(
        _ symbols: [String], timeframe: String, start: Timestamp? = nil, end: Timestamp? = nil, limit: Int? = nil,
        descending: Bool = false, pageLimit: Int = 10_000
    ) async throws -> BatchResult<[WireBar]> {
        let pageLimit = min(10_000, max(1, pageLimit))
        let endpoint = "GET /v2/stocks/bars"
        let feed = configuration.stockFeed
        return try await chunked(symbols, size: configuration.stockChunkSize) { chunk in
            var bars: [String: [WireBar]] = [:]
            var invalid: [String: DecodeError] = [:]
            var remaining = limit
            let pages = try await paginate(endpoint: endpoint) { token in
                var query = QueryItems()
                query.add("symbols", chunk.joined(separator: ","))
                query.add("timeframe", timeframe)
                query.add("start", start?.rfc3339)
                query.add("end", end?.rfc3339)
                query.add("limit", min(remaining ?? pageLimit, pageLimit))
                query.add("feed", feed)
                query.add("sort", descending ? "desc" : nil)
                query.add("page_token", token)
                let root = try await getJSON(.data, "/v2/stocks/bars", query: query, endpoint: endpoint)
                if let map = root["bars"], map.isObject {
                    try? map.forEachMember { symbol, list throws(DecodeError) in
                        guard invalid[symbol] == nil else { return }
                        do throws(DecodeError) {
                            let elements = try list.elements()
                            // Exact capacity: grown by doubling, a symbol's ~38 daily bars took
                            // room for 64 (docs/performance.md, memory).
                            bars[symbol, default: []].reserveCapacity((bars[symbol]?.count ?? 0) + elements.count)
                            for element in elements {
                                bars[symbol, default: []].append(try WireBar(json: element))
                                if let r = remaining { remaining = r - 1 }
                            }
                        } catch { invalid[symbol] = error }
                    }
                }
                if let r = remaining, r <= 0 { return nil }
                return Self.nextToken(root)
            }
            var result = BatchResult<[WireBar]>(requestCount: pages)
            for (symbol, list) in bars { result.entries[symbol] = .value(list) }
            for (symbol, error) in invalid { result.entries[symbol] = .invalid(redacted(error)) }
            return result
        }
    }
}
