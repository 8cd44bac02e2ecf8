public import FaultInjection
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// A running Alpaca-compatible simulator: data and trading paths, and the market-data stream's
/// WebSocket paths (`/v2/iex`, …), on one loopback port.
///
/// ```swift
/// let server = try await SimulatorServer.start(SimulatorConfiguration())
/// defer { Task { await server.stop() } }
/// print(server.baseURL)  // http://127.0.0.1:PORT
/// ```
public final class SimulatorServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The bound host.
    public let host: String
    /// The market and its test hooks.
    public let market: SimulatedMarket
    let state: ServerState
    private let task: Task<Void, Never>

    private init(port: Int, host: String, market: SimulatedMarket, state: ServerState, task: Task<Void, Never>) {
        self.port = port
        self.host = host
        self.market = market
        self.state = state
        self.task = task
    }

    /// `http://HOST:PORT`, serving both the market-data and the trading paths.
    public var baseURL: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// The request and connection counters (the same numbers as `GET /_sim/stats`).
    public var stats: SimulatorStats { state.stats }

    /// The last requests, oldest first (the same records as `GET /_sim/requests`).
    public var requests: [SimRequestRecord] { state.requestLog.records }

    /// Replaces the faults in force (nil removes them), as `POST`/`DELETE /_sim/faults` do.
    public func setFaults(_ spec: FaultSpec?) { state.faults.set(spec) }

    /// Starts a simulator and returns once it is listening.
    /// - Parameter configuration: Address, seed, market mode, keys and hooks configuration.
    /// - Returns: The running server.
    /// - Throws: When the address cannot be bound.
    public static func start(_ configuration: SimulatorConfiguration) async throws -> SimulatorServer {
        let state = ServerState(configuration: configuration)
        let market = SimulatedMarket(configuration: configuration)
        let (events, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let logger = Logger(label: "AlpacaSimulator", factory: { _ in SwiftLogNoOpLogHandler() })
        let application = Application(
            responder: SimulatorResponder(market: market, state: state),
            server: StreamServer.builder(market: market, state: state),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil,
                availableConnectionsDelegate: ConnectionCounter(state: state)
            ),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? -1)) },
            logger: logger
        )
        let task = Task {
            do {
                try await application.run()
                continuation.yield(.failure(StartError(message: "server stopped before listening")))
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port):
                return SimulatorServer(port: port, host: configuration.host, market: market, state: state, task: task)
            case .failure(let error):
                task.cancel()
                throw error
            }
        }
        throw StartError(message: "server stopped before listening")
    }

    /// Stops the server: ends long-running test routes, closes the listener and connections.
    public func stop() async {
        state.isStopping = true
        task.cancel()
        await task.value
    }

    /// A start failure without an underlying error.
    struct StartError: Error, CustomStringConvertible {
        /// What happened.
        var message: String
        /// The message.
        var description: String { message }
    }
}
