public import AlpacaStream
import Foundation
import HTTPTypes
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import Synchronization

/// A raw market-data stream client for tests: sends requests, records every frame decoded, and
/// waits for a message that matches.
public final class StreamProbe: Sendable {
    private let framing: StreamFraming
    private let outbound: WebSocketOutboundWriter
    private let received = Mutex<[StreamMessage]>([])
    private let rawFrames = Mutex<Int>(0)

    private init(framing: StreamFraming, outbound: WebSocketOutboundWriter) {
        self.framing = framing
        self.outbound = outbound
    }

    /// Connects to `url`, runs `body`, then closes.
    /// - Parameters:
    ///   - url: `ws://127.0.0.1:PORT/v2/iex`.
    ///   - framing: MessagePack asks for it with `Content-Type: application/msgpack`.
    ///   - headers: More upgrade headers (keys, for header authentication).
    ///   - reading: Whether to read at all (false: a client that has stopped reading).
    ///   - body: The test.
    /// - Returns: The server's close code, if it sent a close frame.
    @discardableResult
    public static func with(
        url: String, framing: StreamFraming = .json, headers: [(name: String, value: String)] = [],
        reading: Bool = true, _ body: @escaping @Sendable (StreamProbe) async throws -> Void
    ) async throws -> UInt16? {
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 24, closeTimeout: .seconds(2))
        if framing == .msgpack { configuration.additionalHeaders[.contentType] = "application/msgpack" }
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { configuration.additionalHeaders[field] = value }
        }
        let logger = Logger(label: "stream-probe", factory: { _ in SwiftLogNoOpLogHandler() })
        let close = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
            inbound, outbound, _ in
            let probe = StreamProbe(framing: framing, outbound: outbound)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    guard reading else { return }
                    for try await message in inbound.messages(maxSize: 1 << 24) {
                        let bytes: [UInt8]
                        switch message {
                        case .text(let text): bytes = Array(text.utf8)
                        case .binary(let buffer): bytes = Array(buffer.readableBytesView)
                        }
                        let decoded = StreamDecoder.decode(bytes, framing: framing)
                        probe.rawFrames.withLock { $0 += 1 }
                        probe.received.withLock { $0 += decoded }
                    }
                }
                try await body(probe)
                try? await outbound.close(.normalClosure, reason: nil)
                try await group.waitForAll()
            }
        }
        return close.map { UInt16(webSocketErrorCode: $0.closeCode) }
    }

    /// Every message received so far, in order.
    public var messages: [StreamMessage] { received.withLock { $0 } }

    /// Frames received so far.
    public var frameCount: Int { rawFrames.withLock { $0 } }

    /// Sends a request in the probe's framing.
    public func send(_ request: StreamRequest) async throws {
        let bytes = request.encoded(framing)
        switch framing {
        case .json: try await outbound.write(.text(String(decoding: bytes, as: UTF8.self)))
        case .msgpack: try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
        }
    }

    /// Sends raw text (for malformed requests).
    public func sendText(_ text: String) async throws { try await outbound.write(.text(text)) }

    /// Waits until a message received after `index` matches, or fails after `timeout` seconds.
    /// - Returns: The message and the index after it.
    @discardableResult
    public func wait(
        after index: Int = 0, timeout: Double = 10, _ predicate: @Sendable (StreamMessage) -> Bool
    ) async throws -> (message: StreamMessage, next: Int) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let all = messages
            if index < all.count, let found = all[index...].firstIndex(where: predicate) {
                return (all[found], found + 1)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ProbeTimeout(seen: messages.map(\.typeCode))
    }

    /// No matching message arrived in time.
    public struct ProbeTimeout: Error, CustomStringConvertible {
        /// The types of the messages that did arrive.
        public var seen: [String]
        /// What arrived.
        public var description: String { "timed out; saw \(seen.suffix(20))" }
    }
}
