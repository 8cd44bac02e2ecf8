import FaultInjection
import Foundation
import HummingbirdWebSocket
import MarketModel
import NIOCore
import NIOWebSocket
import Synchronization

/// One stream connection: Alpaca's handshake (connected → auth → subscribe), its errors, and the
/// market's trades, quotes and bars for what is subscribed, with the fault layer's message kinds.
///
/// The values are the REST API's: a quote streamed at one second is the snapshot's quote for that
/// second, data faults included (they fire for the stream's path like any other).
final class StreamSession: Sendable {
    /// What goes to the writer task.
    enum Outgoing: Sendable {
        /// A frame of messages.
        case frame([UInt8])
        /// Close the connection with this code.
        case close(WebSocketErrorCode, String?)
    }

    private struct State {
        var authenticated = false
        var registryKey: String?
        var subscription = SubscriptionSet()
        var stalledUntil: Double = 0
        var held: [JSONValue] = []
    }

    /// The channels a session holds.
    struct SubscriptionSet: Sendable {
        var channels: [String: [String]] = [:]
        static let names = ["trades", "quotes", "bars", "dailyBars", "updatedBars", "statuses"]

        func symbols(_ name: String) -> [String] { channels[name] ?? [] }

        /// Symbols with trades or quotes (what a plan's symbol limit counts).
        var limited: Set<String> { Set(symbols("trades")).union(symbols("quotes")) }

        func echo() -> JSONValue {
            var members: [String: JSONValue] = ["T": .string("subscription")]
            for name in Self.names { members[name] = .array(symbols(name).map { .string($0) }) }
            members["corrections"] = members["trades"]
            members["cancelErrors"] = members["trades"]
            return .object(members)
        }
    }

    let endpoint: StreamEndpoint
    let binary: Bool
    let headers: [(name: String, value: String)]
    let market: SimulatedMarket
    let server: ServerState
    private let state = Mutex(State())
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let outgoingStream: AsyncStream<Outgoing>

    init(
        endpoint: StreamEndpoint, headers: [(name: String, value: String)], market: SimulatedMarket, server: ServerState
    ) {
        self.endpoint = endpoint
        self.headers = headers
        self.market = market
        self.server = server
        let contentType = headers.last { $0.name.lowercased() == "content-type" }?.value.lowercased() ?? ""
        // The option stream is MessagePack only.
        binary = endpoint.isOptions || contentType.contains("msgpack")
        (outgoingStream, outgoing) = AsyncStream.makeStream(
            of: Outgoing.self, bufferingPolicy: .bufferingOldest(max(1, server.configuration.streamBufferFrames)))
    }

    private func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Runs the connection until either side closes it.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        server.recordStream { $0.streamConnections += 1 }
        defer { release() }
        send([StreamFrameEncoder.success("connected")])
        if let id = header("APCA-API-KEY-ID"), let secret = header("APCA-API-SECRET-KEY") {
            authenticate(key: id, secret: secret)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.write(outbound) }
            group.addTask { try await self.read(inbound) }
            group.addTask { try await self.produce() }
            group.addTask { try await self.authDeadline() }
            try await group.next()
            group.cancelAll()
        }
    }

    private func release() {
        let key = state.withLock { $0.registryKey }
        if let key { server.releaseStream(key: key, session: ObjectIdentifier(self)) }
        outgoing.finish()
    }

    // MARK: Writing

    /// Queues a frame; a client that has stopped reading fills the queue and is dropped (407).
    private func send(_ messages: [JSONValue]) {
        guard !messages.isEmpty else { return }
        for message in messages {
            if case .object(let members) = message, case .string(let type)? = members["T"] {
                server.recordStream { stats in
                    stats.streamMessagesByType[type, default: 0] += 1
                    if type == "error", case .int(let code)? = members["code"] {
                        stats.streamErrorsByCode[Int(code), default: 0] += 1
                    }
                }
            }
        }
        if case .dropped = outgoing.yield(.frame(StreamFrameEncoder.frame(messages, binary: binary))) {
            slowClient()
        }
    }

    private func slowClient() {
        server.recordStream { $0.streamErrorsByCode[407, default: 0] += 1 }
        outgoing.finish()
    }

    private func close(_ code: WebSocketErrorCode, _ reason: String?) {
        outgoing.yield(.close(code, reason))
        outgoing.finish()
    }

    private func write(_ outbound: WebSocketOutboundWriter) async throws {
        for await item in outgoingStream {
            switch item {
            case .frame(let bytes):
                if binary {
                    try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                } else {
                    try await outbound.write(.text(String(decoding: bytes, as: UTF8.self)))
                }
            case .close(let code, let reason):
                try await outbound.close(code, reason: reason)
                return
            }
        }
        // The queue ended without a close: a slow client (407), dropped without ceremony.
        throw SlowClient()
    }

    private struct SlowClient: Error {}

    // MARK: Reading

    private func read(_ inbound: WebSocketInboundStream) async throws {
        for try await message in inbound.messages(maxSize: 1 << 20) {
            let request: StreamClientRequest?
            switch message {
            case .text(let text): request = StreamClientRequest.parse(Array(text.utf8), binary: false)
            case .binary(let buffer): request = StreamClientRequest.parse(Array(buffer.readableBytesView), binary: true)
            }
            guard let request else {
                send([StreamFrameEncoder.error(400, "invalid syntax")])
                continue
            }
            handle(request)
        }
    }

    private func handle(_ request: StreamClientRequest) {
        switch request.action {
        case "auth":
            guard !state.withLock({ $0.authenticated }) else {
                send([StreamFrameEncoder.error(403, "already authenticated")])
                return
            }
            authenticate(key: request.strings["key"] ?? "", secret: request.strings["secret"] ?? "")
        case "subscribe", "unsubscribe":
            guard state.withLock({ $0.authenticated }) else {
                send([StreamFrameEncoder.error(401, "not authenticated")])
                return
            }
            change(request, adding: request.action == "subscribe")
        default:
            send([StreamFrameEncoder.error(400, "invalid syntax")])
        }
    }

    private func authenticate(key: String, secret: String) {
        if let keys = server.configuration.keys, keys.id != key || keys.secret != secret {
            send([StreamFrameEncoder.error(402, "auth failed")])
            close(.policyViolation, "auth failed")
            return
        }
        let registryKey = SimulatorResponder.hash((key, secret)) + endpoint.path
        guard server.claimStream(key: registryKey, session: ObjectIdentifier(self)) else {
            send([StreamFrameEncoder.error(406, "connection limit exceeded")])
            close(.policyViolation, "connection limit exceeded")
            return
        }
        state.withLock {
            $0.authenticated = true
            $0.registryKey = registryKey
        }
        send([StreamFrameEncoder.success("authenticated")])
    }

    private func change(_ request: StreamClientRequest, adding: Bool) {
        let allowed = endpoint.isOptions ? ["trades", "quotes"] : SubscriptionSet.names
        let limit = server.configuration.streamSymbolLimit
        let echo: JSONValue? = state.withLock { state in
            var next = state.subscription
            for name in allowed {
                guard let symbols = request.lists[name] else { continue }
                var current = next.symbols(name)
                if adding {
                    for symbol in symbols where !current.contains(symbol) { current.append(symbol) }
                } else {
                    current.removeAll { symbols.contains($0) }
                }
                next.channels[name] = current
            }
            if adding, let limit, limit > 0, next.limited.count > limit { return nil }
            state.subscription = next
            return next.echo()
        }
        if let echo {
            send([echo])
        } else {
            send([StreamFrameEncoder.error(405, "symbol limit exceeded")])
        }
    }

    private func authDeadline() async throws {
        let timeout = server.configuration.streamAuthTimeout
        try await Task.sleep(for: .seconds(timeout))
        if !state.withLock({ $0.authenticated }) {
            send([StreamFrameEncoder.error(404, "auth timeout")])
            close(.policyViolation, "auth timeout")
        }
        // The deadline task must not end the group while the connection lives on.
        try await Task.sleep(for: .seconds(86_400 * 365))
    }

    // MARK: Producing

    private func produce() async throws {
        let rate = max(1, server.configuration.streamRate)
        let interval = 1.0 / Double(rate)
        var lastTimes: [String: (quote: JSONValue?, trade: JSONValue?)] = [:]
        var lastMinute: Int64 = -1
        var announced: Set<String> = []
        while !Task.isCancelled {
            try await Task.sleep(for: .seconds(interval))
            let now = Double(Timestamp.now().nanoseconds) / 1e9
            let (authenticated, subscription, stalledUntil) = state.withLock {
                ($0.authenticated, $0.subscription, $0.stalledUntil)
            }
            guard authenticated, now >= stalledUntil else { continue }
            let clock = market.clockState()
            guard clock.isMoving else { continue }
            let context = RouteContext(
                request: SimRequest(method: "GET", target: endpoint.path, headers: []), market: market,
                clock: clock, hooks: market.currentHooks, server: server)
            var messages: [JSONValue] = []
            // A trading status when a symbol is first subscribed to statuses (the simulator never
            // halts a symbol, so it stays "T", trading).
            for symbol in subscription.symbols("statuses") where !announced.contains(symbol) {
                announced.insert(symbol)
                guard SymbolFormat.isStock(symbol), market.exists(symbol) else { continue }
                let tape = market.engine(symbol).profile.tape
                messages.append(
                    .object([
                        "T": .string("s"), "S": .string(symbol), "sc": .string("T"), "sm": .string("Trading"),
                        "rc": .string(""), "rm": .string(""), "t": .string(clock.now.rfc3339), "z": .string(tape),
                    ]))
            }
            let quotes = Set(subscription.symbols("quotes"))
            let trades = Set(subscription.symbols("trades"))
            for symbol in quotes.union(trades).sorted() {
                guard let entry = latest(symbol, context: context) else { continue }
                let faulted = context.withDataFaults(symbol: symbol, key: symbol, entry).entry
                guard case .object(let members) = faulted else { continue }
                var last = lastTimes[symbol] ?? (nil, nil)
                if quotes.contains(symbol), let quote = members["latestQuote"] ?? members["latest_quote"] {
                    if rate > 1 || last.quote != quote { messages.append(Self.tagged(quote, "q", symbol)) }
                    last.quote = quote
                }
                if trades.contains(symbol), let trade = members["latestTrade"] {
                    if rate > 1 || last.trade != trade { messages.append(Self.tagged(trade, "t", symbol)) }
                    last.trade = trade
                }
                lastTimes[symbol] = last
            }
            let minute = clock.priceTime.wholeSeconds / 60
            if minute != lastMinute {
                if lastMinute >= 0 {
                    for symbol in subscription.symbols("bars") where SymbolFormat.isStock(symbol) {
                        let bar = StockView(symbol: symbol, context: context).minuteBar(context: context)
                        messages.append(Self.tagged(WireEncoder.bar(bar), "b", symbol))
                    }
                    // Late trades correct the minute before last for about one symbol in four.
                    let seconds = clock.priceTime.wholeSeconds
                    let corrected = Timestamp(seconds: seconds - seconds % 60 - 120)
                    for symbol in subscription.symbols("updatedBars") where SymbolFormat.isStock(symbol) {
                        let engine = market.engine(symbol)
                        let key = StableHash.combine(
                            engine.profile.key, 0x1a7e, UInt64(bitPattern: corrected.wholeSeconds))
                        guard StableHash.unit(key, 1) < 0.25 else { continue }
                        var bar = engine.minuteBar(at: corrected)
                        bar.volume += 1 + Int64(StableHash.unit(key, 2) * 500)
                        messages.append(Self.tagged(WireEncoder.bar(bar), "u", symbol))
                    }
                    for symbol in subscription.symbols("dailyBars") where SymbolFormat.isStock(symbol) {
                        if case .object(let snapshot) = StockView(symbol: symbol, context: context).snapshotJSON(
                            context: context), let daily = snapshot["dailyBar"], daily != .null
                        {
                            messages.append(Self.tagged(daily, "d", symbol))
                        }
                    }
                }
                lastMinute = minute
            }
            try emit(messages, now: now)
        }
    }

    /// A symbol's latest quote and trade in the REST snapshot's shape: a stock's on the stock
    /// paths, a listed option contract's on the option paths (priced as the chain serves it).
    private func latest(_ symbol: String, context: RouteContext) -> JSONValue? {
        if endpoint.isOptions {
            guard let contract = OCCSymbol(symbol), let view = OptionRoutes.listedView(contract, context: context),
                !view.isNull
            else { return nil }
            var entry: [String: JSONValue] = ["latestQuote": WireEncoder.optionQuote(view.snapshot.quote)]
            if let trade = view.snapshot.trade { entry["latestTrade"] = WireEncoder.optionTrade(trade) }
            return .object(entry)
        }
        guard market.exists(symbol), SymbolFormat.isStock(symbol) else { return nil }
        let view = StockView(symbol: symbol, context: context)
        guard !view.isNull else { return nil }
        return .object(["latestQuote": view.quoteJSON, "latestTrade": view.tradeJSON])
    }

    /// Sends a tick's messages through the fault layer's message kinds, in frames of at most
    /// 256 KiB.
    private func emit(_ messages: [JSONValue], now: Double) throws {
        var out: [JSONValue] = state.withLock { state in
            defer { state.held = [] }
            return state.held
        }
        for message in messages {
            switch server.faults.messageFault(path: endpoint.path) {
            case .drop?: continue
            case .duplicate?: out += [message, message]
            case .reorder?: state.withLock { $0.held.append(message) }
            case .stall(let seconds)?:
                state.withLock { $0.stalledUntil = now + Double(seconds) }
                send(out)
                return
            case .disconnect?:
                send(out)
                close(.goingAway, nil)
                return
            default: out.append(message)
            }
        }
        var frame: [JSONValue] = []
        var size = 0
        for message in out {
            frame.append(message)
            size += Self.estimatedSize(message)
            if size > 256 * 1024 {
                send(frame)
                frame = []
                size = 0
            }
        }
        send(frame)
    }

    private static func estimatedSize(_ value: JSONValue) -> Int {
        switch value {
        case .string(let text), .raw(let text): text.utf8.count + 4
        case .array(let items): items.reduce(2) { $0 + estimatedSize($1) }
        case .object(let members): members.reduce(2) { $0 + $1.key.utf8.count + 4 + estimatedSize($1.value) }
        default: 9
        }
    }

    /// A data message: the REST shape with `T` and `S`.
    static func tagged(_ value: JSONValue, _ type: String, _ symbol: String) -> JSONValue {
        guard case .object(var members) = value else { return value }
        members["T"] = .string(type)
        members["S"] = .string(symbol)
        return .object(members)
    }
}
