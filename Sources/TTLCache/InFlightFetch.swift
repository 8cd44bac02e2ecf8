import Synchronization

/// One upstream fetch shared by every caller that missed the same key while it ran.
///
/// Each waiter parks a continuation here; the fetch's result resumes them all. A cancelled waiter
/// resumes itself with `CancellationError` and leaves; the fetch and the other waiters carry on.
/// Every continuation is resumed exactly once: by ``finish(_:)``, by cancellation, or at once when
/// the result is already known.
final class InFlightFetch<Value: Sendable>: Sendable {
    private struct State {
        var result: Result<Value, any Error>?
        var waiters: [Int: CheckedContinuation<Value, any Error>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// The number of callers waiting now.
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// Waits for the fetch's result.
    ///
    /// - Throws: The fetch's error, or `CancellationError` if the calling task is cancelled first.
    func wait() async throws -> Value {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
                // Under the lock: the task's cancelled flag is set before `onCancel` runs, so either
                // the handler finds this waiter or this check sees the flag.
                let immediate: Result<Value, any Error>? = state.withLock { state in
                    if let result = state.result { return result }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiters.removeValue(forKey: id) }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Delivers the fetch's result to every waiter, now and later.
    func finish(_ result: Result<Value, any Error>) {
        let waiters = state.withLock { state in
            state.result = result
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}
