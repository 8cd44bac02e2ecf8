import AlpacaAPI
import Synchronization

/// Collects every request event, for assertions on attempts and timing.
final class RecordingObserver: RequestObserver {
    private let storage = Mutex<[RequestEvent]>([])

    func requestFinished(_ event: RequestEvent) { storage.withLock { $0.append(event) } }

    var events: [RequestEvent] { storage.withLock { $0 } }
}
