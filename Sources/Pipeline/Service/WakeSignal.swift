import Synchronization

/// A wake-up for one waiting task: ``wait(until:)`` returns when ``signal()`` is called, when the
/// deadline passes, or when the waiting task is cancelled, whichever comes first.
///
/// A signal sent while nobody waits is kept (once) and ends the next wait at once, so a signal sent
/// between a caller's last look at its state and its call to ``wait(until:)`` is never lost. Only
/// one task may wait at a time.
final class WakeSignal: Sendable {
    private struct State {
        var waiter: CheckedContinuation<Void, Never>?
        var pending = false
    }

    private let state = Mutex(State())

    /// Creates a signal with nothing pending.
    init() {}

    /// Wakes the waiting task, or the next one to wait if none is waiting now.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Suspends until signalled, until `deadline` on `clock`, or until the task is cancelled.
    func wait<C: Clock>(until deadline: C.Instant, on clock: C) async {
        let signalled = state.withLock { state -> Bool in
            defer { state.pending = false }
            return state.pending
        }
        if signalled { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(until: deadline, tolerance: nil) }
            group.addTask { await self.waitForSignal() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Suspends until signalled or cancelled.
    private func waitForSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending {
                        state.pending = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    precondition(state.waiter == nil, "WakeSignal: only one task may wait")
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
