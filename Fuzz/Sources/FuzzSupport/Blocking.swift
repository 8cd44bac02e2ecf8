import Dispatch
import Synchronization

/// Runs async code to completion from the synchronous fuzz entry point (the cache is an actor).
///
/// libFuzzer calls the target on the main thread, which is not one of the cooperative pool's
/// threads, so waiting on a semaphore here cannot starve the task it waits for.
/// - Parameter body: The work.
/// - Returns: What `body` returned.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let value = await body()
        result.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    guard let value = result.withLock({ $0 }) else { violated("blocking: the task produced no value") }
    return value
}

/// A clock that never moves: the cache under fuzzing sees one instant, so nothing expires and
/// nothing depends on when the input runs.
public struct FixedClock: Clock {
    /// An instant: an offset from the clock's origin.
    public struct Instant: InstantProtocol {
        /// The offset.
        public var offset: Duration

        /// Creates an instant.
        public init(offset: Duration) { self.offset = offset }

        /// The instant moved by `duration`.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }

        /// The duration from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }

        /// Orders instants.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// Creates the clock.
    public init() {}

    /// Always the origin.
    public var now: Instant { Instant(offset: .zero) }

    /// One nanosecond.
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// Returns at once (nothing in the fuzz targets sleeps on this clock).
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {}
}
