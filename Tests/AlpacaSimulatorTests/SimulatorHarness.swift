import AlpacaSimulator
import CurlTransport
import Foundation
import HTTPCore
import MarketModel

/// A simulator plus a libcurl client pointed at it, for HTTP tests.
struct SimulatorHarness {
    /// Tuesday 2024-03-12 10:15:22.5 New York: inside the regular session.
    static let sessionTime = Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!

    /// The server.
    let server: SimulatorServer
    /// The client.
    let transport: CurlTransport

    /// A fixed-clock configuration (deterministic bodies).
    static func configuration(seed: UInt64 = 1, mode: MarketMode = .auto) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.seed = seed
        configuration.market = mode
        configuration.clock = .fixed(sessionTime)
        return configuration
    }

    /// Starts a simulator, runs `body`, and always stops it.
    static func with(
        _ configuration: SimulatorConfiguration = configuration(), _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        let server = try await SimulatorServer.start(configuration)
        // No low-speed abort inside the request deadline: see `get`.
        var transport = CurlTransport.Configuration()
        transport.lowSpeedTime = 30
        let harness = SimulatorHarness(server: server, transport: CurlTransport(configuration: transport))
        do {
            try await body(harness)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// GETs a path.
    ///
    /// The 30 s deadline (and no low-speed abort before it) is generous on purpose: these tests
    /// check what the routes answer, not how fast, and with every suite in one process on two
    /// cores the CPU-bound suites can keep the in-process server from answering for seconds (the
    /// 5 s low-speed abort ran out twice in CI).
    func get(
        _ path: String, headers: [(name: String, value: String)] = [], timeout: Double = 30
    ) async throws
        -> HTTPResponse
    {
        try await transport.send(HTTPRequest(url: server.baseURL + path, headers: headers, timeout: timeout))
    }

    /// A response header, trimmed of surrounding whitespace and line ends.
    func header(_ response: HTTPResponse, _ name: String) -> String? {
        response.header(name)?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// GETs a path and parses the body as JSON.
    func json(_ path: String, headers: [(name: String, value: String)] = []) async throws -> AnyJSON {
        try AnyJSON.parse(try await get(path, headers: headers).body)
    }
}
