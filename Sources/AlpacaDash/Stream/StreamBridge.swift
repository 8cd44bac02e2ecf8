import AlpacaStream
import AlpacaStreamClient
import MarketModel
import Pipeline

/// Runs the stream supervisors for a scheduler — the stock stream for the watchlist, the option
/// stream for the contracts on screen: their data, reseeds and status go to the scheduler (in
/// order), and watchlist and screen changes go to their subscriptions.
struct StreamBridge {
    private let tasks: [Task<Void, Never>]

    /// Starts streaming `watchlist` into `scheduler`, and the contracts `contracts` names.
    /// - Parameters:
    ///   - settings: The stock stream's URL, framing and keys.
    ///   - optionSettings: The option stream's.
    ///   - scheduler: Where the streams' data goes.
    ///   - watchlist: The symbols to subscribe first.
    ///   - changes: Later watchlists (from `a`, `d` and the Alpaca watchlist picker).
    ///   - contracts: The option contracts on screen, as they change (empty: none).
    ///   - latest: Where the stock stream's latest status goes for the Prometheus scrape.
    static func start(
        settings: StreamSettings, optionSettings: StreamSettings, scheduler: RefreshScheduler, watchlist: [String],
        changes: AsyncStream<[String]>, contracts: AsyncStream<[String]>, latest: LatestStreamStatus
    ) -> StreamBridge {
        let (statuses, statusSink) = AsyncStream.makeStream(of: StreamStatus.self, bufferingPolicy: .bufferingNewest(1))
        let stocks = StreamSupervisor(
            settings: settings, symbols: watchlist, clock: ContinuousClock(),
            handlers: StreamHandlers(
                data: { messages, received in await scheduler.ingestStream(messages, arrivedAt: received) },
                reseed: { symbols in await scheduler.reseed(symbols) },
                status: { status in
                    latest.set(status)
                    statusSink.yield(status)
                },
                sessionOn: { await scheduler.sessionOn() }))
        let (optionStatuses, optionStatusSink) = AsyncStream.makeStream(
            of: StreamStatus.self, bufferingPolicy: .bufferingNewest(1))
        let options = StreamSupervisor(
            settings: optionSettings, symbols: [], clock: ContinuousClock(),
            handlers: StreamHandlers(
                data: { messages, received in await scheduler.ingestStream(messages, arrivedAt: received) },
                reseed: { _ in await scheduler.reseedChain() },
                status: { optionStatusSink.yield($0) },
                sessionOn: { await scheduler.sessionOn() }))
        return StreamBridge(tasks: [
            Task { await stocks.run() },
            Task { await options.run() },
            Task { for await status in statuses { await scheduler.setStreamStatus(status) } },
            Task { for await status in optionStatuses { await scheduler.setOptionStreamStatus(status) } },
            Task { for await symbols in changes { await stocks.setSymbols(symbols) } },
            Task { for await list in contracts { await options.setSymbols(list) } },
        ])
    }

    /// Stops the streams (the connections close).
    func stop() { for task in tasks { task.cancel() } }
}
