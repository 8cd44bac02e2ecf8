import AlpacaAPI
import Synchronization

/// Collects every request event, for assertions on attempts and timing.
final class RecordingObserver: RequestObserver {
    private let storage = Mutex<[RequestEvent]>([])
    private let circuit = Mutex<[CircuitBreaker.State]>([])

    func requestFinished(_ event: RequestEvent) { storage.withLock { $0.append(event) } }

    func circuitChanged(host: String, state: CircuitBreaker.State) { circuit.withLock { $0.append(state) } }

    var events: [RequestEvent] { storage.withLock { $0 } }

    /// The breaker states reported, in order.
    var circuitStates: [CircuitBreaker.State] { circuit.withLock { $0 } }
}
