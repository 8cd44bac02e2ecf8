public import AlpacaAPI
public import AlpacaSimulator
public import CurlTransport
public import MarketModel

/// A running simulator with a real libcurl transport and an `AlpacaClient` pointed at it.
public struct SimulatedUpstream: Sendable {
    /// A Tuesday inside the regular session: 2024-03-12 10:15:22.5 New York.
    public static let sessionTime = Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!
    /// A Saturday: 2024-03-16 12:00 New York (market closed).
    public static let weekendTime = Timestamp(rfc3339: "2024-03-16T16:00:00Z")!

    /// The server.
    public let server: SimulatorServer
    /// The transport.
    public let transport: CurlTransport

    /// A deterministic configuration with a fixed clock.
    public static func configuration(
        at time: Timestamp = sessionTime, mode: MarketMode = .auto, seed: UInt64 = 1
    ) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        configuration.market = mode
        configuration.clock = .fixed(time)
        return configuration
    }

    /// A client for this simulator with fast retries (for tests).
    public func client(
        credentials: Credentials? = nil, retry: RetryPolicy = RetryPolicy(base: 0.05, cap: 0.2),
        limiter: RateLimiter = RateLimiter(requestsPerMinute: 6000, burst: 100), observer: (any RequestObserver)? = nil,
        breaker: CircuitBreaker.Policy = CircuitBreaker.Policy()
    ) -> AlpacaClient {
        var configuration = AlpacaClient.Configuration(
            hosts: AlpacaHosts(trading: server.baseURL, data: server.baseURL), credentials: credentials)
        configuration.retry = retry
        configuration.breaker = breaker
        return AlpacaClient(configuration: configuration, transport: transport, limiter: limiter, observer: observer)
    }

    /// Starts a simulator, runs `body`, and always stops the simulator.
    /// - Parameters:
    ///   - configuration: The simulator configuration.
    ///   - body: The test.
    public static func with<T>(
        _ configuration: SimulatorConfiguration = configuration(),
        _ body: (SimulatedUpstream) async throws -> T
    ) async throws -> T {
        let server = try await SimulatorServer.start(configuration)
        let upstream = SimulatedUpstream(server: server, transport: CurlTransport())
        do {
            let result = try await body(upstream)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}
