extension TTLCache {
    /// Returns the live value for `key`, or fetches it once however many callers ask at the same time.
    ///
    /// - A live entry is returned with `fromCache: true` (a hit), unless `bypass` is set.
    /// - Otherwise the first caller starts `fetch` (a miss) and later callers for the same key join it
    ///   (counted as `coalesced`); all get its value with `fromCache: false`, or all get its error.
    ///   A value is stored with the TTL of `cacheClass` when the fetch ends; an error is not stored,
    ///   so the next caller fetches again, and the previous entry (if any) stays.
    /// - `bypass: true` (refresh now) skips the lookup and always fetches, but joins a fetch already in
    ///   flight for the key rather than starting a second one, and stores the result.
    /// - The fetch runs in its own task, off this actor: cancelling a caller (even the one that started
    ///   it) makes that caller throw `CancellationError` at once while the fetch goes on for the others
    ///   and its value is still stored. ``remove(_:)`` and ``removeAll()`` detach a running fetch: its
    ///   callers still get its result, but it is not stored.
    ///
    /// - Parameters:
    ///   - key: The key.
    ///   - cacheClass: The data class: TTL and counters.
    ///   - bypass: Skip the lookup (the `r` key).
    ///   - fetch: Gets the value upstream; called at most once per flight.
    /// - Returns: The value and whether it came from a stored entry.
    /// - Throws: The fetch's error, or `CancellationError` when the calling task is cancelled while waiting.
    public func value(
        for key: Key, class cacheClass: CacheClass, bypass: Bool = false,
        fetch: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, fromCache: Bool) {
        if !bypass, let value = liveValue(for: key) {
            counters[cacheClass.ordinal].hits += 1
            return (value, true)
        }
        let flight: InFlightFetch<Value>
        if let running = inFlight[key] {
            counters[cacheClass.ordinal].coalesced += 1
            flight = running
        } else {
            counters[cacheClass.ordinal].misses += 1
            flight = InFlightFetch()
            inFlight[key] = flight
            launch(flight, key: key, cacheClass: cacheClass, fetch: fetch)
        }
        return (try await flight.wait(), false)
    }

    /// Runs `fetch` in a new task that is not a child of any caller, so no caller's cancellation reaches it.
    ///
    /// The task is created from a nonisolated context so `fetch` runs on the global executor, never
    /// on this actor.
    private nonisolated func launch(
        _ flight: InFlightFetch<Value>, key: Key, cacheClass: CacheClass,
        fetch: @escaping @Sendable () async throws -> Value
    ) {
        Task {
            let result: Result<Value, any Error>
            do {
                result = .success(try await fetch())
            } catch {
                result = .failure(error)
            }
            await self.land(flight, key: key, cacheClass: cacheClass, result: result)
        }
    }

    /// Stores a flight's value (unless the flight was detached) and wakes its waiters.
    private func land(
        _ flight: InFlightFetch<Value>, key: Key, cacheClass: CacheClass, result: Result<Value, any Error>
    ) {
        if inFlight[key] === flight {
            inFlight.removeValue(forKey: key)
            if case .success(let value) = result {
                set(key, value, class: cacheClass)
            }
        }
        flight.finish(result)
    }
}
