import AlpacaStream
import AlpacaStreamClient
import MarketModel
import Pipeline

/// Runs a stream supervisor for a scheduler: its data, reseeds and status go to the scheduler (in
/// order), and watchlist changes go to its subscriptions.
struct StreamBridge {
    private let tasks: [Task<Void, Never>]

    /// Starts streaming `watchlist` into `scheduler`.
    /// - Parameters:
    ///   - settings: The stream's URL, framing and keys.
    ///   - scheduler: Where the stream's data goes.
    ///   - watchlist: The symbols to subscribe first.
    ///   - changes: Later watchlists (from `a`, `d` and the Alpaca watchlist picker).
    ///   - latest: Where the latest status goes for the Prometheus scrape.
    static func start(
        settings: StreamSettings, scheduler: RefreshScheduler, watchlist: [String], changes: AsyncStream<[String]>,
        latest: LatestStreamStatus
    ) -> StreamBridge {
        let (statuses, statusSink) = AsyncStream.makeStream(of: StreamStatus.self, bufferingPolicy: .bufferingNewest(1))
        let supervisor = StreamSupervisor(
            settings: settings, symbols: watchlist, clock: ContinuousClock(),
            handlers: StreamHandlers(
                data: { messages, _ in await scheduler.ingestStream(messages) },
                reseed: { symbols in await scheduler.reseed(symbols) },
                status: { status in
                    latest.set(status)
                    statusSink.yield(status)
                },
                sessionOn: { await scheduler.sessionOn() }))
        let run = Task { await supervisor.run() }
        let forwardStatus = Task {
            for await status in statuses { await scheduler.setStreamStatus(status) }
        }
        let forwardSymbols = Task {
            for await symbols in changes { await supervisor.setSymbols(symbols) }
        }
        return StreamBridge(tasks: [run, forwardStatus, forwardSymbols])
    }

    /// Stops the stream (the connection closes).
    func stop() { for task in tasks { task.cancel() } }
}
