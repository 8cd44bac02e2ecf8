import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket

/// The HTTP/1 server with WebSocket upgrades at the stream paths, on the REST API's port.
enum StreamServer {
    /// The server builder: a request to a stream path that asks for an upgrade gets a
    /// ``StreamSession``; any other goes to the REST responder.
    static func builder(market: SimulatedMarket, state: ServerState) -> HTTPServerBuilder {
        .http1WebSocketUpgrade(
            configuration: .init(ws: .init(maxFrameSize: 1 << 20, autoPing: .enabled(timePeriod: .seconds(20))))
        ) { request, _, _ in
            let path = request.path?.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            guard let endpoint = StreamEndpoint(path: path) else { return .dontUpgrade }
            let headers = request.headerFields.map { (name: $0.name.rawName, value: $0.value) }
            return .upgrade([:]) { inbound, outbound, _ in
                let session = StreamSession(endpoint: endpoint, headers: headers, market: market, server: state)
                try await session.run(inbound: inbound, outbound: outbound)
            }
        }
    }
}
