extension SimulatorServer {
    /// Runs a simulator until the calling task is cancelled (the `alpaca-dash sim` subcommand).
    ///
    /// Installs no signal handlers: the caller turns SIGINT/SIGTERM into task cancellation.
    /// - Parameters:
    ///   - configuration: The simulator configuration.
    ///   - onReady: Called once with the listening server (for example to print its base URL).
    /// - Throws: When the server cannot start.
    public static func run(
        configuration: SimulatorConfiguration, onReady: @Sendable (SimulatorServer) async -> Void = { _ in }
    ) async throws {
        let server = try await start(configuration)
        await onReady(server)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
        await server.stop()
    }
}
