import AlpacaSimulator
import MarketMetrics
import MarketModel
import Pipeline
import SimulatorTestSupport

/// A scheduler running against a simulator whose session is open now (on the system clock).
struct RunningScheduler {
    let upstream: SimulatedUpstream
    let scheduler: RefreshScheduler
    let updates: AsyncStream<DashboardUpdate>

    /// Runs `body` with a scheduler over `watchlist`, stopped when `body` returns.
    static func with(
        watchlist: [String], _ body: (RunningScheduler) async throws -> Void
    ) async throws {
        var simulator = SimulatedUpstream.configuration(at: .now())
        simulator.clock = .system
        simulator.market = .open
        try await SimulatedUpstream.with(simulator) { upstream in
            let scheduler = RefreshScheduler(
                service: MarketDataService(client: upstream.client()), watchlist: watchlist, origin: .simulated)
            let run = Task { try await scheduler.run() }
            defer { run.cancel() }
            try await body(RunningScheduler(upstream: upstream, scheduler: scheduler, updates: scheduler.updates))
        }
    }
}
