import Hummingbird
import Logging
import NIOCore

/// The HTTP server of `--metrics-addr`.
///
/// It answers `GET /metrics` with the text a closure builds at each scrape, and every other path
/// with 404.
public final class MetricsServer: Sendable {
    /// The bound port (the one asked for, or the one the system chose for port 0).
    public let port: Int
    /// The bound host.
    public let host: String
    private let task: Task<Void, Never>

    private init(port: Int, host: String, task: Task<Void, Never>) {
        self.port = port
        self.host = host
        self.task = task
    }

    /// Where to scrape: `http://HOST:PORT/metrics`.
    public var url: String {
        (host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)") + "/metrics"
    }

    /// Starts serving and returns once the address is bound.
    /// - Parameters:
    ///   - address: Where to listen.
    ///   - body: The exposition for one scrape.
    /// - Throws: When the address cannot be bound.
    public static func start(
        _ address: MetricsAddress, body: @escaping @Sendable () async -> [UInt8]
    ) async throws -> MetricsServer {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: await body())))
        }
        let (events, continuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port), serverName: nil),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? -1)) },
            logger: Logger(label: "MetricsServer", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let task = Task {
            do {
                try await application.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port): return MetricsServer(port: port, host: address.host, task: task)
            case .failure(let error):
                task.cancel()
                throw error
            }
        }
        throw MetricsAddressError(text: "\(address)", reason: "the metrics server stopped before listening")
    }

    /// Stops serving.
    public func stop() async {
        task.cancel()
        await task.value
    }
}
