import Synchronization

/// Counts fetch calls and holds them at a gate until the test opens it.
final class FetchProbe: Sendable {
    private struct State {
        var isOpen = false
        var parked: [CheckedContinuation<Void, Never>] = []
    }

    private let calls = Atomic<Int>(0)
    private let cancelledFetches = Atomic<Int>(0)
    private let state = Mutex(State())

    /// Fetch calls so far.
    var callCount: Int { calls.load(ordering: .sequentiallyConsistent) }

    /// Fetches that saw their task cancelled after the gate opened.
    var cancelledCount: Int { cancelledFetches.load(ordering: .sequentiallyConsistent) }

    /// Counts a call, waits for the gate, then returns `value` or throws `error`.
    func fetch<Value: Sendable>(_ value: Value, error: (any Error)? = nil) async throws -> Value {
        calls.add(1, ordering: .sequentiallyConsistent)
        await passGate()
        if Task.isCancelled { cancelledFetches.add(1, ordering: .sequentiallyConsistent) }
        if let error { throw error }
        return value
    }

    /// Lets every parked and future fetch through.
    func open() {
        let parked = state.withLock { state in
            state.isOpen = true
            defer { state.parked.removeAll() }
            return state.parked
        }
        for continuation in parked { continuation.resume() }
    }

    private func passGate() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.parked.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }
}
