import Foundation
import MarketModel
import Synchronization

/// Server-wide mutable state: statistics, the rate-limit window, scripted-status counters.
final class ServerState: Sendable {
    /// The configuration the server started with.
    let configuration: SimulatorConfiguration
    private let statsStorage = Mutex(SimulatorStats())
    private let window = Mutex((start: Int64(0), count: 0))
    private let statusCounters = Mutex([String: Int]())
    private let requestCounter = Atomic<UInt64>(0)
    private let stoppingFlag = Atomic<Bool>(false)
    /// The stream session holding each key pair's connection to each stream path.
    private let streams = Mutex([String: ObjectIdentifier]())

    /// The fault layer.
    let faults: FaultLayer
    /// The last requests, for `GET /_sim/requests`.
    let requestLog = RequestLog()

    /// Creates the state for a configuration.
    init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        faults = FaultLayer(spec: configuration.faults) { Double(Timestamp.now().nanoseconds) / 1e9 }
    }

    /// A snapshot of the counters.
    var stats: SimulatorStats {
        var stats = statsStorage.withLock { $0 }
        stats.faultsByKind = faults.counts
        return stats
    }

    /// Updates the stream counters.
    func recordStream(_ change: (inout SimulatorStats) -> Void) { statsStorage.withLock { change(&$0) } }

    /// Takes the one connection a key pair may hold to a stream path, or reports it held (406).
    func claimStream(key: String, session: ObjectIdentifier) -> Bool {
        streams.withLock { streams in
            if let holder = streams[key], holder != session { return false }
            streams[key] = session
            return true
        }
    }

    /// Gives back a stream connection taken by ``claimStream(key:session:)``.
    func releaseStream(key: String, session: ObjectIdentifier) {
        streams.withLock { streams in
            if streams[key] == session { streams[key] = nil }
        }
    }

    /// Counts an accepted connection.
    func connectionAccepted() { statsStorage.withLock { $0.connectionsAccepted += 1 } }

    /// Counts a request to `path`.
    func recordRequest(path: String) {
        statsStorage.withLock { stats in
            stats.requestsByPath[path, default: 0] += 1
            stats.requestsTotal += 1
        }
    }

    /// Counts a response status, and a fault when the fault stage produced it.
    func recordResponse(status: Int, fault: Bool) {
        statsStorage.withLock { stats in
            stats.responsesByStatus[status, default: 0] += 1
            if fault { stats.faultsInjected += 1 }
        }
    }

    /// The next request id (deterministic per seed and arrival order).
    func nextRequestID() -> String {
        let index = requestCounter.add(1, ordering: .relaxed).newValue
        let word = StableHash.combine(configuration.seed, 0x4e9, index)
        let hex = String(word, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The rate-limit headers of one request, and whether it is over the limit.
    struct RateDecision: Sendable {
        /// The per-minute limit.
        var limit: Int
        /// Requests left in the window.
        var remaining: Int
        /// Epoch second at which the window resets.
        var reset: Int64
        /// Whether the request exceeds the limit.
        var limited: Bool
    }

    /// Takes one request from the current window (one minute of the wall clock unless configured
    /// shorter), or reports exhaustion.
    func takeRateToken(count: Bool) -> RateDecision {
        let limit = configuration.rateLimitPerMinute
        let length = Int64(max(1, configuration.rateLimitWindow))
        let start = Timestamp.now().wholeSeconds / length * length
        return window.withLock { window in
            if window.start != start { window = (start, 0) }
            if count { window.count += 1 }
            return RateDecision(
                limit: limit, remaining: max(0, limit - window.count), reset: start + length,
                limited: count && window.count > limit)
        }
    }

    /// Counts one call for a scripted-status key and returns the number of earlier calls.
    func nextStatusCall(key: String) -> Int {
        statusCounters.withLock { counters in
            let previous = counters[key, default: 0]
            counters[key] = previous + 1
            return previous
        }
    }

    /// Whether `stop()` has begun; long-running test routes finish early when set.
    var isStopping: Bool {
        get { stoppingFlag.load(ordering: .acquiring) }
        set { stoppingFlag.store(newValue, ordering: .releasing) }
    }
}
