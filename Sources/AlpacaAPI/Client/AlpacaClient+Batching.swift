extension AlpacaClient {
    /// Splits `symbols` into chunks, runs `fetch` for each (at most `maxConcurrentChunks` at once)
    /// and merges the results; a failed chunk marks only its own symbols as failed.
    func chunked<Value: Sendable>(
        _ symbols: [String], size: Int,
        fetch: @escaping @Sendable ([String]) async throws -> BatchResult<Value>
    ) async throws -> BatchResult<Value> {
        let chunks = Self.requestChunks(symbols, size: size)
        var result = BatchResult<Value>()
        try await withThrowingTaskGroup(of: BatchResult<Value>.self) { group in
            var next = 0
            func launch() {
                let chunk = chunks[next]
                next += 1
                group.addTask {
                    do {
                        return try await fetch(chunk)
                    } catch let error as AlpacaError {
                        var failed = BatchResult<Value>(requestCount: 1)
                        for symbol in chunk { failed.failures[symbol] = error }
                        return failed
                    }
                }
            }
            while next < chunks.count && next < configuration.maxConcurrentChunks { launch() }
            while let partial = try await group.next() {
                result.merge(partial)
                if next < chunks.count { launch() }
            }
        }
        return result
    }

    /// A "latest" endpoint (`{KEY: {SYMBOL: value}}`), chunked, each entry decoded on its own.
    func latest<Value: Sendable>(
        _ symbols: [String], chunkSize: Int, feed: String, path: String, key: String,
        _ decode: @escaping @Sendable (JSONValue) throws(DecodeError) -> Value
    ) async throws -> BatchResult<Value> {
        let endpoint = "GET " + path
        return try await chunked(symbols, size: chunkSize) { chunk in
            var query = QueryItems()
            query.add("symbols", chunk.joined(separator: ","))
            query.add("feed", feed)
            let root = try await getJSON(.data, path, query: query, endpoint: endpoint)
            return BatchResult(entries: Self.decodeMap(root[key], decode, redacting: redacted), requestCount: 1)
        }
    }

    /// Follows `next_page_token` until it is null, guarding against repeated tokens and runaway pages.
    /// - Parameters:
    ///   - endpoint: For errors.
    ///   - page: Fetches one page given the token; returns the token of the next page.
    func paginate(endpoint: String, page: (String?) async throws -> String?) async throws -> Int {
        var token: String? = nil
        var seen = Set<String>()
        var pages = 0
        repeat {
            pages += 1
            guard pages <= configuration.pageCap else {
                throw AlpacaError(
                    kind: .pagination, message: "more than \(configuration.pageCap) pages", endpoint: endpoint)
            }
            token = try await page(token)
            if let t = token {
                guard !t.isEmpty else { break }
                guard seen.insert(t).inserted else {
                    throw AlpacaError(
                        kind: .pagination, message: "the server repeated a page token", endpoint: endpoint)
                }
            }
        } while token != nil
        return pages
    }

    /// Decodes every member of a symbol-keyed map on its own; `redacting` is applied to each
    /// entry's decode error (the client passes its credential redaction).
    static func decodeMap<Value: Sendable>(
        _ map: JSONValue?, _ decode: (JSONValue) throws(DecodeError) -> Value,
        redacting: (DecodeError) -> DecodeError = { $0 }
    ) -> [String: Entry<Value>] {
        guard let map, map.isObject else { return [:] }
        var out: [String: Entry<Value>] = [:]
        out.reserveCapacity(map.memberCount)
        try? map.forEachMember { key, value in
            if value.isNull {
                out[key] = .null
                return
            }
            do throws(DecodeError) { out[key] = .value(try decode(value)) } catch {
                out[key] = .invalid(redacting(error))
            }
        }
        return out
    }

    /// The symbols without repeats, in order, split into chunks of at most `size` (one request each).
    /// - Parameters:
    ///   - symbols: The symbols.
    ///   - size: The most symbols per chunk (at least 1 is used).
    /// - Returns: The chunks.
    public static func requestChunks(_ symbols: [String], size: Int) -> [[String]] {
        var unique: [String] = []
        var seen = Set<String>()
        for symbol in symbols where seen.insert(symbol).inserted { unique.append(symbol) }
        let size = max(1, size)
        return stride(from: 0, to: unique.count, by: size).map { Array(unique[$0..<min($0 + size, unique.count)]) }
    }

    /// The `next_page_token` of a page (string or null).
    static func nextToken(_ root: JSONValue) -> String? {
        guard let token = root["next_page_token"], token.isString else { return nil }
        return try? token.string()
    }
}
