import AlpacaAPI
import Synchronization

/// A client clock that moves only when the client sleeps: a two-minute 429 storm or a breaker's
/// open interval passes in milliseconds of real time, while requests still go over real HTTP.
final class VirtualTime: Sendable {
    private let storage: Mutex<(now: Double, sleeps: [Double])>

    init(start: Double = 1_710_252_922) { storage = Mutex((start, [])) }

    /// The current virtual time, epoch seconds.
    var now: Double { storage.withLock { $0.now } }

    /// Every sleep the client asked for, in order.
    var sleeps: [Double] { storage.withLock { $0.sleeps } }

    /// Moves the clock on, as a caller waiting outside the client would.
    func advance(by seconds: Double) { storage.withLock { $0.now += seconds } }

    /// The client's timing: `sleep` records the wait and advances the clock at once.
    var timing: RateLimiter.Timing {
        RateLimiter.Timing(
            now: { self.now },
            sleep: { seconds in
                self.storage.withLock {
                    $0.sleeps.append(seconds)
                    $0.now += seconds
                }
                await Task.yield()
            })
    }
}

/// Every attempt the client reports, with the virtual (or real) time it ended at.
final class AttemptLog: RequestObserver {
    private let storage = Mutex<[(time: Double, event: RequestEvent)]>([])
    private let clock: @Sendable () -> Double

    init(clock: @escaping @Sendable () -> Double) { self.clock = clock }

    func requestFinished(_ event: RequestEvent) { storage.withLock { $0.append((clock(), event)) } }

    var attempts: [(time: Double, event: RequestEvent)] { storage.withLock { $0 } }
}
