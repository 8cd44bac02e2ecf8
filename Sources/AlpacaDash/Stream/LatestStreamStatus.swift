import MarketModel
import Synchronization

/// The stream's latest status, for the Prometheus scrape (which runs on its own tasks).
final class LatestStreamStatus: Sendable {
    private let storage = Mutex<StreamStatus?>(nil)

    /// The latest status, nil before the stream reported one.
    var value: StreamStatus? { storage.withLock { $0 } }

    /// Replaces it.
    func set(_ status: StreamStatus) { storage.withLock { $0 = status } }
}
