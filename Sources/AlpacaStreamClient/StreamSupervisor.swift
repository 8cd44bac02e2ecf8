import AlpacaAPI
import AlpacaStream
import HTTPTypes
import HummingbirdWSClient
import Logging
public import MarketModel
import NIOCore
import NIOWebSocket

/// Keeps one market-data stream connection up while a session is on: connects, authenticates,
/// subscribes what fits the plan (halving on 405 and polling the rest), reseeds from REST after
/// every (re)connect, detects stalls, and reconnects with jittered backoff that respects the
/// connection-limit window.
///
/// Every wait and every silence is measured on the injected clock, so the tests run on a manual
/// clock; `now` stamps arrivals for the lag figures.
public actor StreamSupervisor<C: Clock> where C.Duration == Duration {
    private nonisolated let settings: StreamSettings
    private nonisolated let clock: C
    private nonisolated let now: @Sendable () -> Timestamp
    private nonisolated let jitter: @Sendable () -> Double
    private nonisolated let handlers: StreamHandlers

    private var desired: [String]
    private var status: StreamStatus
    private var outbound: WebSocketOutboundWriter?
    private var authenticated = false
    private var subscribed: [String] = []
    private var pending: [String] = []
    private var inFlight: [String]?
    /// Requests sent and not yet answered, oldest first.
    ///
    /// A subscribe's symbols, or nil for an unsubscribe; each `subscription` echo or 405 answers
    /// the oldest.
    private var awaiting: [[String]?] = []
    private var chunkSize = 0
    private var overflow: [String] = []
    private var streamingSince: C.Instant?
    private var lastData: C.Instant?
    private var lastSeen: [String: C.Instant] = [:]
    private var refusal: (code: Int, message: String)?
    private var failedAttempts = 0
    private var connections = 0
    private var lags: [Double] = []
    private var lagCursor = 0
    private var perSecond: [Int64: [String: Int]] = [:]
    private var lastPublished: Timestamp?
    private var idleWait: Task<Void, Never>?
    /// The last connection was closed because the session ended: the next is not a reconnect.
    private var resumingSession = false

    /// How a connection ended.
    enum Outcome: Equatable {
        case closed(String)
        case failed(String)
        case refused(code: Int, message: String)
        case stalled
        case sessionEnded
    }

    private struct StallDetected: Error {}
    private struct SessionEnded: Error {}

    /// Creates a supervisor.
    /// - Parameters:
    ///   - settings: URL, framing, keys and thresholds.
    ///   - symbols: The stock symbols to stream.
    ///   - clock: Every wait and silence is measured on it.
    ///   - now: The wall clock, for arrival stamps.
    ///   - jitter: A uniform value in [0, 1) per reconnect (seeded in tests).
    ///   - handlers: Where data, reseeds and status go.
    public init(
        settings: StreamSettings, symbols: [String], clock: C, now: @escaping @Sendable () -> Timestamp = { .now() },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }, handlers: StreamHandlers
    ) {
        self.settings = settings
        self.clock = clock
        self.now = now
        self.jitter = jitter
        self.handlers = handlers
        desired = symbols
        status = StreamStatus(
            state: .connecting, url: settings.displayURL, framing: settings.framing.rawValue)
    }

    /// The status now.
    public var current: StreamStatus { status }

    /// Runs until cancelled.
    public func run() async {
        while !Task.isCancelled {
            let wanted = settings.onlyInSession ? await handlers.sessionOn() : true
            guard !desired.isEmpty, wanted else {
                setState(.off(reason: desired.isEmpty ? "nothing to stream" : "no session"))
                // Symbols arriving end the wait at once (a chain opened), a session within 5 s.
                let clock = self.clock
                let idle = Task { _ = try? await clock.sleep(for: .seconds(5)) }
                idleWait = idle
                await withTaskCancellationHandler {
                    await idle.value
                } onCancel: {
                    idle.cancel()
                }
                idleWait = nil
                continue
            }
            if connections > 0 && !resumingSession { status.reconnects += 1 }
            resumingSession = false
            connections += 1
            setState(.connecting)
            let outcome = await connectOnce()
            guard !Task.isCancelled else { break }
            let wait = schedule(after: outcome)
            do { try await clock.sleep(for: wait) } catch { break }
        }
        setState(.off(reason: "stopped"))
    }

    /// Replaces the symbols to stream; on a live connection the difference is sent at once.
    public func setSymbols(_ symbols: [String]) async {
        if desired.isEmpty && !symbols.isEmpty { idleWait?.cancel() }
        desired = symbols
        guard authenticated, outbound != nil else { return }
        let removed = subscribed.filter { !symbols.contains($0) }
        if !removed.isEmpty {
            subscribed.removeAll { removed.contains($0) }
            awaiting.append(nil)
            try? await send(.unsubscribe(settings.subscription(removed)))
        }
        // Symbols that did not fit are tried again: a removal may have freed their slots.
        pending = symbols.filter { !subscribed.contains($0) && inFlight?.contains($0) != true }
        overflow = []
        chunkSize = max(chunkSize, pending.count)
        status.subscribed = subscribed
        status.overflow = overflow
        try? await subscribeNext()
        publish()
    }

    // MARK: One connection

    private func connectOnce() async -> Outcome {
        authenticated = false
        subscribed = []
        pending = []
        inFlight = nil
        awaiting = []
        overflow = []
        streamingSince = nil
        lastData = nil
        lastSeen = [:]
        refusal = nil
        var configuration = WebSocketClientConfiguration(
            maxFrameSize: 1 << 24, closeTimeout: .seconds(2), autoPing: .enabled(timePeriod: .seconds(10)))
        if settings.framing == .msgpack { configuration.additionalHeaders[.contentType] = "application/msgpack" }
        let logger = Logger(label: "alpaca-dash.stream", factory: { _ in SwiftLogNoOpLogHandler() })
        let outcome: Outcome
        do {
            let close = try await WebSocketClient.connect(
                url: settings.url, configuration: configuration, logger: logger
            ) { inbound, outbound, _ in
                try await self.session(inbound: inbound, outbound: outbound)
            }
            if let refusal {
                outcome = .refused(code: refusal.code, message: refusal.message)
            } else {
                outcome = .closed(close.map { "closed by the server (\($0.closeCode))" } ?? "connection lost")
            }
        } catch is StallDetected {
            outcome = .stalled
        } catch is SessionEnded {
            outcome = .sessionEnded
        } catch {
            if let refusal {
                outcome = .refused(code: refusal.code, message: refusal.message)
            } else {
                outcome = .failed(redacted("\(error)"))
            }
        }
        outbound = nil
        authenticated = false
        return outcome
    }

    private func redacted(_ text: String) -> String { settings.credentials?.redact(text) ?? text }

    private func session(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        self.outbound = outbound
        let framing = settings.framing
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for try await message in inbound.messages(maxSize: 1 << 24) {
                    let bytes: [UInt8]
                    switch message {
                    case .text(let text): bytes = Array(text.utf8)
                    case .binary(let buffer): bytes = Array(buffer.readableBytesView)
                    }
                    let received = self.now()
                    try await self.receive(StreamDecoder.decode(bytes, framing: framing), at: received)
                }
            }
            group.addTask { try await self.watchdog() }
            try await group.next()
            group.cancelAll()
        }
    }

    private func send(_ request: StreamRequest) async throws {
        guard let outbound else { return }
        let bytes = request.encoded(settings.framing)
        switch settings.framing {
        case .json: try await outbound.write(.text(String(decoding: bytes, as: UTF8.self)))
        case .msgpack: try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
        }
    }

    private func receive(_ batch: [StreamMessage], at received: Timestamp) async throws {
        var data: [StreamMessage] = []
        let instant = clock.now
        for message in batch {
            switch message {
            case .success("connected"):
                let pair = settings.credentials?.streamAuthentication ?? (key: "", secret: "")
                try await send(.auth(key: pair.key, secret: pair.secret))
            case .success("authenticated"):
                authenticated = true
                pending = desired
                chunkSize = pending.count
                try await subscribeNext()
            case .success:
                break
            case .subscription(let set):
                try await confirmed(set)
            case .error(let code, let text):
                try await refused(code, text)
            case .ignored(let type):
                count(type, at: received)
            default:
                count(message.typeCode, at: received)
                if let symbol = message.symbol { lastSeen[symbol] = instant }
                lastData = instant
                if let time = message.time {
                    let lag = Double(received.nanoseconds &- time.nanoseconds) / 1e6
                    if lag.isFinite && abs(lag) < 86_400_000 { record(lag: lag) }
                }
                data.append(message)
            }
        }
        if !data.isEmpty { await handlers.data(data, received) }
        publish(throttled: true)
    }

    private func subscribeNext() async throws {
        guard inFlight == nil else { return }
        guard !pending.isEmpty else {
            if !subscribed.isEmpty && status.state != .streaming { becameStreaming() }
            return
        }
        let chunk = Array(pending.prefix(max(1, chunkSize)))
        pending.removeFirst(chunk.count)
        inFlight = chunk
        awaiting.append(chunk)
        try await send(.subscribe(settings.subscription(chunk)))
    }

    private func confirmed(_ set: StreamSubscription) async throws {
        let answered = awaiting.isEmpty ? nil : awaiting.removeFirst()
        guard let chunk = answered, chunk == inFlight else {
            // An unsubscribe's echo: the server's set is the truth.
            subscribed = subscribed.filter { set.quotes.contains($0) || set.trades.contains($0) }
            status.subscribed = subscribed
            return
        }
        inFlight = nil
        for symbol in chunk where !subscribed.contains(symbol) { subscribed.append(symbol) }
        status.subscribed = subscribed
        status.reseeds += 1
        await handlers.reseed(chunk)
        let instant = clock.now
        for symbol in chunk { lastSeen[symbol] = lastSeen[symbol] ?? instant }
        if streamingSince == nil { lastData = lastData ?? instant }
        try await subscribeNext()
    }

    private func becameStreaming() {
        streamingSince = clock.now
        failedAttempts = 0
        setState(.streaming)
    }

    private func refused(_ code: Int, _ text: String) async throws {
        status.lastErrorCode = code
        status.lastErrorMessage = redacted(text)
        if code == StreamErrorCode.symbolLimitExceeded, let chunk = inFlight {
            if !awaiting.isEmpty { awaiting.removeFirst() }
            inFlight = nil
            chunkSize = chunk.count / 2
            if chunkSize == 0 {
                overflow += chunk + pending
                pending = []
                status.overflow = overflow
                if !subscribed.isEmpty { becameStreaming() }
            } else {
                pending = chunk + pending
                try await subscribeNext()
            }
            publish()
            return
        }
        if [401, 402, 404, 406, 408, 409, 410, 411].contains(code) { refusal = (code, redacted(text)) }
        publish()
    }

    private func watchdog() async throws {
        while true {
            try await clock.sleep(for: .seconds(1))
            // The session ended (the dashboard streams only in one): close, and wait for the next.
            if settings.onlyInSession, !(await handlers.sessionOn()) { throw SessionEnded() }
            guard status.state == .streaming, !subscribed.isEmpty, let since = streamingSince else { continue }
            let instant = clock.now
            let quiet = (lastData ?? since).duration(to: instant)
            var silent: String?
            for symbol in subscribed where (lastSeen[symbol] ?? since).duration(to: instant) > settings.stallAfter * 8 {
                silent = symbol
                break
            }
            if quiet > settings.stallAfter || silent != nil {
                status.stalls += 1
                status.lastErrorCode = nil
                status.lastErrorMessage =
                    silent.map { "stalled: \($0) silent past \(settings.stallAfter * 8)" }
                    ?? "stalled: no data for \(settings.stallAfter)"
                throw StallDetected()
            }
        }
    }

    // MARK: Reconnecting

    /// The wait before the next attempt, with the state it shows.
    private func schedule(after outcome: Outcome) -> Duration {
        let hadData = !subscribed.isEmpty || streamingSince != nil
        subscribed = []
        status.subscribed = []
        // A session's end is not a gap: nothing is missed while none is on, and the next reseeds.
        if hadData && outcome != .sessionEnded { status.gaps += 1 }
        let wait: Duration
        switch outcome {
        case .sessionEnded:
            resumingSession = true
            failedAttempts = 0
            setState(.off(reason: "no session"))
            return .zero
        case .refused(let code, let message) where code == StreamErrorCode.connectionLimitExceeded:
            wait = settings.connectionLimitWait * (1 + jitter() / 4)
            setState(.polling(reason: "\(code) \(message)", retryAt: now().adding(seconds: seconds(wait))))
            return wait
        case .refused(let code, let message) where StreamErrorCode.isPermanent(code):
            wait = settings.permanentWait
            setState(.polling(reason: "\(code) \(message)", retryAt: now().adding(seconds: seconds(wait))))
            return wait
        case .stalled:
            failedAttempts = 0
            wait = settings.backoffBase
        case .refused(let code, let message):
            status.lastErrorMessage = "\(code) \(message)"
            wait = backoff()
        case .failed(let text), .closed(let text):
            if status.lastErrorCode == nil || !hadData { status.lastErrorMessage = text }
            wait = backoff()
        }
        setState(.reconnecting(at: now().adding(seconds: seconds(wait))))
        return wait
    }

    /// Equal jitter: half the capped exponential delay, plus a random part of the other half.
    private func backoff() -> Duration {
        failedAttempts += 1
        let exponent = min(failedAttempts - 1, 16)
        let ceiling = min(settings.backoffCap, settings.backoffBase * (1 << exponent))
        return ceiling / 2 + ceiling / 2 * jitter()
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    // MARK: Figures

    private func count(_ type: String, at received: Timestamp) {
        let second = received.wholeSeconds
        perSecond[second, default: [:]][type, default: 0] += 1
        status.messagesTotal[type, default: 0] += 1
        if perSecond.count > 12 { perSecond = perSecond.filter { $0.key > second - 10 } }
    }

    private func record(lag: Double) {
        if lags.count < 1024 {
            lags.append(lag)
        } else {
            lags[lagCursor] = lag
            lagCursor = (lagCursor + 1) % lags.count
        }
    }

    private func setState(_ state: StreamStatus.State) {
        status.state = state
        publish()
    }

    private func publish(throttled: Bool = false) {
        let instant = now()
        if throttled, let last = lastPublished, instant.nanoseconds - last.nanoseconds < 250_000_000 { return }
        lastPublished = instant
        let second = instant.wholeSeconds
        var rates: [String: Double] = [:]
        for (bucket, counts) in perSecond where bucket > second - 10 && bucket <= second {
            for (type, count) in counts { rates[type, default: 0] += Double(count) / 10 }
        }
        status.messagesPerSecond = rates
        if !lags.isEmpty {
            let sorted = lags.sorted()
            status.lagP50 = sorted[(sorted.count - 1) / 2]
            status.lagP99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
        }
        handlers.status(status)
    }
}
