import Synchronization

/// A clock that only moves when a test tells it to.
///
/// `now` starts at ``Instant/zero`` and changes only through ``advance(by:)`` (or ``advance(to:)``),
/// which resumes every sleeper whose deadline has been reached. Sleeping honours cancellation: a
/// cancelled sleeper throws `CancellationError` at once and is forgotten.
public final class ManualClock: Clock, Sendable {
    /// A point on a ``ManualClock``: a `Duration` since the clock's origin.
    public struct Instant: InstantProtocol, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The time since the clock's origin.
        public var offset: Duration

        /// Creates an instant at `offset` from the clock's origin.
        public init(offset: Duration) { self.offset = offset }

        /// The clock's origin.
        public static var zero: Instant { Instant(offset: .zero) }

        /// This instant moved by `duration`.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        /// The duration from this instant to `other` (negative when `other` is earlier).
        public func duration(to other: Instant) -> Duration { other.offset - offset }

        /// Orders instants by offset.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }

        /// The offset as a `Duration` prints it.
        public var description: String { "\(offset)" }
    }

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [UInt64: Sleeper] = [:]
        var nextSleeperID: UInt64 = 0
    }

    private let state: Mutex<State>

    /// Creates a clock whose `now` is `start`.
    public init(start: Instant = .zero) {
        state = Mutex(State(now: start))
    }

    /// The current instant.
    public var now: Instant { state.withLock { $0.now } }

    /// The smallest step this clock can take: any.
    public var minimumResolution: Duration { .zero }

    /// How many tasks are sleeping on this clock now (to wait until a sleeper is parked).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Moves `now` forward by `duration` and resumes every sleeper whose deadline has been reached.
    ///
    /// - Parameter duration: How far to move; must not be negative.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a ManualClock never goes backwards")
        advance(to: now.advanced(by: duration))
    }

    /// Moves `now` to `instant` (if later) and resumes every sleeper whose deadline has been reached.
    ///
    /// - Parameter instant: The new current instant; an earlier one leaves `now` unchanged.
    public func advance(to instant: Instant) {
        let due: [CheckedContinuation<Void, any Error>] = state.withLock { state in
            if instant > state.now { state.now = instant }
            let now = state.now
            let ids = state.sleepers.filter { $0.value.deadline <= now }.map(\.key)
            return ids.compactMap { state.sleepers.removeValue(forKey: $0)?.continuation }
        }
        for continuation in due { continuation.resume() }
    }

    /// Suspends until `now` reaches `deadline`.
    ///
    /// Returns at once when the deadline has already passed.
    /// - Parameters:
    ///   - deadline: The instant to wake at.
    ///   - tolerance: Ignored; a manual clock is exact.
    /// - Throws: `CancellationError` when the calling task is cancelled before the deadline.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        let id = state.withLock { state in
            state.nextSleeperID += 1
            return state.nextSleeperID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Deciding under the lock closes the race with `onCancel`: the task's cancelled flag is
                // set before its handler runs, so either the handler finds the sleeper or we see the flag.
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
