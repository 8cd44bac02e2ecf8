import AlpacaAPI
import AlpacaSimulator
import FaultInjection
import MarketModel
import Pipeline
import SimulatorTestSupport

/// A simulator at a fixed time with a `MarketDataService` whose clock agrees with it.
struct PipelineHarness {
    let upstream: SimulatedUpstream
    let service: MarketDataService
    let now: Timestamp

    var market: SimulatedMarket { upstream.server.market }

    static func with<T>(
        at time: Timestamp = SimulatedUpstream.sessionTime,
        configuration: PipelineConfiguration = PipelineConfiguration(),
        unknown: Set<String> = [], faults: String? = nil, _ body: (PipelineHarness) async throws -> T
    ) async throws -> T {
        var simulator = SimulatedUpstream.configuration(at: time)
        simulator.unknownSymbols = unknown
        simulator.faults = try faults.map { try FaultSpec.parse($0) }
        return try await SimulatedUpstream.with(simulator) { upstream in
            var configuration = configuration
            configuration.dataSource = .simulator
            let service = MarketDataService(client: upstream.client(), configuration: configuration, now: { time })
            return try await body(PipelineHarness(upstream: upstream, service: service, now: time))
        }
    }

    /// Quotes as a dictionary.
    func quotes(
        _ symbols: [String], bypass: Bool = true
    ) async throws
        -> [String: Result<ProcessedStockQuote, PipelineFailure>]
    {
        var out: [String: Result<ProcessedStockQuote, PipelineFailure>] = [:]
        for (symbol, result) in try await service.quotes(symbols, bypassCache: bypass) { out[symbol] = result }
        return out
    }
}

extension Result where Failure == PipelineFailure {
    var failure: PipelineFailure? {
        if case .failure(let f) = self { return f }
        return nil
    }

    var value: Success? {
        if case .success(let v) = self { return v }
        return nil
    }
}
