import AlpacaAPI
public import AlpacaStream
public import MarketMetrics
public import MarketModel
public import ServiceLifecycle
import TTLCache

/// Drives the pipeline in the background: a task group refreshing each data class at its own
/// interval (watchlist, clock, focused chain, sparkline bars), never two refreshes of one kind
/// at once, and publishing an immutable `DashboardUpdate` after each (newest wins).
///
/// The market-data stream feeds the same rows through ``ingestStream(_:)`` and ``reseed(_:)``:
/// REST refreshes and stream messages land in one ordered store (the service's held values), and
/// while the stream delivers a symbol the watchlist poll leaves it out. Publications go out one
/// at a time in generation order; a burst of stream messages is folded into one publication at most
/// every ``streamSpacing`` (a status report alone is not spaced, so it never delays a tick).
///
/// Between refreshes each kind's loop sleeps until its interval has passed or a command concerning
/// it arrives (a ``WakeSignal`` per kind); nothing polls.
public actor RefreshScheduler: Service {
    private enum Kind: CaseIterable {
        case watchlist, clock, chain, bars, chart, portfolio
    }

    private let service: MarketDataService
    private let origin: DataOrigin
    private var intervals: RefreshIntervals
    private let onWatchlistChange: @Sendable ([String]) -> Void
    private let onStreamContracts: @Sendable ([String]) -> Void
    private var alertEngine: AlertEngine
    private let onAlert: @Sendable ([AlertEvent]) -> Void
    private let now: @Sendable () -> Timestamp
    private let continuation: AsyncStream<DashboardUpdate>.Continuation
    private let commandContinuation: AsyncStream<PipelineCommand>.Continuation
    private let commandStream: AsyncStream<PipelineCommand>

    private var watchlist: [String] { didSet { watched = Set(watchlist) } }
    /// The watchlist as a set: every stream message asks whether its symbol is on it.
    private var watched: Set<String>
    private var rows: [String: WatchlistRow] = [:]
    private var sparklines: [String: [Double]] = [:]
    private var marketClock: MarketClock?
    private var chainFocus: (underlying: String, expiration: CalendarDate?)?
    private var chain: OptionChainView?
    private var paused = false
    private var chartFocus: (symbol: String, timeframe: String)?
    private var chart: ChartSeries?
    private var portfolio: PortfolioView?
    private var alpacaWatchlists: [AlpacaWatchlist]?
    private var alpacaWatchlistFailure: PipelineFailure?
    private var lastSuccess: Timestamp?
    private var lastError: PipelineFailure?
    private var generation: UInt64 = 0
    private var stream: StreamStatus?
    private var optionStream: StreamStatus?
    private var pendingArrival: Timestamp?
    private var streamRejected = 0
    private var streamOutOfOrder = 0
    private var publishRequested = false
    private var publishing = false
    private var streamOnly = true
    /// Whether a publication asked for carries stream data (only those are spaced: a status
    /// report published first must not hold the next tick back by the spacing).
    private var streamData = false
    private let clock: any Clock<Duration>
    /// The least time between two publications that only stream messages asked for.
    public static let streamSpacing = Duration.milliseconds(20)
    private var forced: Set<Kind> = []
    private let wakes: [Kind: WakeSignal] = Dictionary(uniqueKeysWithValues: Kind.allCases.map { ($0, WakeSignal()) })
    /// How many times a loop's wait has ended (deadline, command or cancellation); for tests.
    private(set) var waitsEnded = 0

    /// The published updates (buffering only the newest).
    public nonisolated let updates: AsyncStream<DashboardUpdate>

    /// Creates a scheduler.
    /// - Parameters:
    ///   - service: The market-data service.
    ///   - watchlist: The symbols to watch.
    ///   - origin: Live or simulated, for the status bar.
    ///   - intervals: Refresh intervals.
    ///   - alerts: The alert rules, evaluated at every publication.
    ///   - now: The wall clock alerts are evaluated on and the last success is stamped with.
    ///   - onAlert: Receives each publication's alert crossings (for the bell and `--on-alert`).
    ///   - onWatchlistChange: Called after `a`/`d` change the watchlist (to save it, and to change
    ///     the stream's subscriptions).
    ///   - onStreamContracts: Called with the option contracts on screen (the option stream's
    ///     subscriptions; empty when no chain is shown).
    ///   - clock: The clock every wait is measured on: the loops' intervals and the spacing of
    ///     stream publications (a manual clock in tests).
    public init(
        service: MarketDataService, watchlist: [String], origin: DataOrigin,
        intervals: RefreshIntervals = RefreshIntervals(), alerts: [AlertRule] = [],
        now: @escaping @Sendable () -> Timestamp = { Timestamp.now() },
        onAlert: @escaping @Sendable ([AlertEvent]) -> Void = { _ in },
        onWatchlistChange: @escaping @Sendable ([String]) -> Void = { _ in },
        onStreamContracts: @escaping @Sendable ([String]) -> Void = { _ in },
        clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.clock = clock
        self.alertEngine = AlertEngine(rules: alerts)
        self.now = now
        self.onAlert = onAlert
        self.service = service
        self.watchlist = watchlist
        self.watched = Set(watchlist)
        self.origin = origin
        self.intervals = intervals
        self.onWatchlistChange = onWatchlistChange
        self.onStreamContracts = onStreamContracts
        (updates, continuation) = AsyncStream.makeStream(of: DashboardUpdate.self, bufferingPolicy: .bufferingNewest(1))
        (commandStream, commandContinuation) = AsyncStream.makeStream(of: PipelineCommand.self)
    }

    /// Queues a command from the UI.
    public nonisolated func send(_ command: PipelineCommand) { commandContinuation.yield(command) }

    /// Runs until cancelled or asked to shut down gracefully.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.consumeCommands() }
                for kind in Kind.allCases { group.addTask { await self.loop(kind) } }
                // Expired entries nobody asks for again (a symbol dropped from the watchlist, a chain
                // closed) are swept once a minute instead of waiting for eviction.
                let cache = service.cache
                group.addTask { await cache.runSweeper(every: .seconds(60)) }
                await group.next()
                group.cancelAll()
            }
        } onGracefulShutdown: {
            self.commandContinuation.finish()
        }
        continuation.finish()
    }

    private func consumeCommands() async {
        for await command in commandStream {
            handle(command)
        }
    }

    private func handle(_ command: PipelineCommand) {
        switch command {
        case .refreshNow:
            force(Kind.allCases)
        case .setPaused(let value):
            paused = value
            publish()
        case .setRefreshInterval(let seconds):
            intervals.watchlist = min(60, max(0.5, seconds))
            wakes[.watchlist]?.signal()
            publish()
        case .openChain(let underlying, let expiration):
            chainFocus = (underlying, expiration)
            if chain?.underlying != underlying { chain = OptionChainView(underlying: underlying) }
            force([.chain])
            publish()
        case .closeChain:
            chainFocus = nil
            chain = nil
            publish()
        case .streamContracts(let contracts):
            onStreamContracts(contracts)
        case .addSymbol(let symbol):
            let symbol = symbol.uppercased()
            guard !watchlist.contains(symbol) else { return }
            watchlist.append(symbol)
            onWatchlistChange(watchlist)
            force([.watchlist, .bars])
            publish()
        case .removeSymbol(let symbol):
            watchlist.removeAll { $0 == symbol }
            rows[symbol] = nil
            onWatchlistChange(watchlist)
            publish()
        case .openChart(let symbol, let timeframe):
            chartFocus = (symbol, timeframe)
            if chart?.symbol != symbol || chart?.timeframe != timeframe {
                chart = ChartSeries(symbol: symbol, timeframe: timeframe)
            }
            force([.chart])
            publish()
        case .closeChart:
            chartFocus = nil
            chart = nil
            publish()
        case .listAlpacaWatchlists:
            Task { await self.listAlpacaWatchlists() }
        case .openAlpacaWatchlist(let id):
            Task { await self.openAlpacaWatchlist(id: id) }
        }
    }

    private func listAlpacaWatchlists() async {
        switch await service.alpacaWatchlists() {
        case .success(let lists):
            alpacaWatchlists = lists
            alpacaWatchlistFailure = nil
        case .failure(let failure):
            alpacaWatchlistFailure = failure
        }
        publish()
    }

    /// Replaces the watchlist with an Alpaca watchlist's stock symbols (read-only toward Alpaca).
    private func openAlpacaWatchlist(id: String) async {
        switch await service.alpacaWatchlistSymbols(id: id) {
        case .success(let list):
            alpacaWatchlistFailure = nil
            guard !list.symbols.isEmpty else {
                alpacaWatchlistFailure = PipelineFailure(
                    code: .dataUnavailable, message: "watchlist \(list.name) holds no stock symbol")
                publish()
                return
            }
            for symbol in watchlist where !list.symbols.contains(symbol) { rows[symbol] = nil }
            watchlist = list.symbols
            onWatchlistChange(watchlist)
            force([.watchlist, .bars])
        case .failure(let failure):
            alpacaWatchlistFailure = failure
        }
        publish()
    }

    /// Marks kinds for a refresh at once and wakes their loops.
    private func force(_ kinds: [Kind]) {
        forced.formUnion(kinds)
        for kind in kinds { wakes[kind]?.signal() }
    }

    private func interval(_ kind: Kind) -> Double {
        let seconds: Double
        switch kind {
        case .watchlist: seconds = intervals.watchlist
        case .clock: seconds = intervals.clock
        case .chain: seconds = intervals.chain
        case .bars: seconds = intervals.bars
        case .portfolio: seconds = intervals.portfolio
        case .chart:
            // Minute bars change every minute; the others far less often (and cache for longer).
            switch chartFocus?.timeframe {
            case "1Min": seconds = 15
            case "5Min", "15Min": seconds = 30
            default: seconds = 60
            }
        }
        // The command line and the config file refuse anything outside 0.2 s … 1 h; a value that
        // reaches here some other way still never spins a core (0, NaN) or overflows a Duration.
        return Checked.clamp(seconds, to: 0.2...3600)
    }

    /// One kind's loop: refresh, then wait its interval (waking early when forced).
    ///
    /// A refresh of
    /// a kind never overlaps another of the same kind because the loop awaits it. The wait sleeps
    /// until the interval has passed since the refresh ended, and is woken early by a command that
    /// forces this kind or changes its interval; the interval is read again after every wake.
    ///
    /// The watchlist and the focused chain refresh faster than their cache TTL, so their scheduled
    /// refreshes always go upstream and write the cache; everything else reading those values
    /// (the chain's underlying price, other panels) reads through the cache. The clock and bars
    /// refresh no faster than their TTL and read through the cache like everyone else.
    private func loop(_ kind: Kind) async {
        while !Task.isCancelled {
            let forcedNow = forced.remove(kind) != nil
            if !paused || forcedNow {
                await refresh(kind, bypassCache: forcedNow || [.watchlist, .chain, .chart, .portfolio].contains(kind))
            }
            await waitOut(kind, on: clock)
        }
    }

    /// Waits until `kind`'s interval has passed on `clock` since the call, or it is forced.
    private func waitOut<C: Clock<Duration>>(_ kind: Kind, on clock: C) async {
        let start = clock.now
        while !forced.contains(kind), !Task.isCancelled {
            let deadline = start.advanced(by: .seconds(interval(kind)))
            guard clock.now < deadline else { break }
            await wakes[kind]?.wait(until: deadline, on: clock)
            waitsEnded += 1
        }
    }

    private func refresh(_ kind: Kind, bypassCache: Bool) async {
        switch kind {
        case .clock:
            switch await service.marketClock(bypassCache: bypassCache) {
            case .success(let value):
                marketClock = value
                succeeded()
            case .failure(let failure):
                lastError = failure
            }
        case .watchlist:
            // Symbols the stream delivers are not polled; the rest are: those over the plan's symbol
            // limit, all of them while the stream is down, and a streamed one without a validated
            // snapshot behind it (its seed failed: no daily bars or previous close yet) or whose
            // row has no good value (its last message was rejected), until it has one again.
            var streamed = stream?.isStreaming == true ? Set(stream?.subscribed ?? []) : []
            if !streamed.isEmpty { streamed.formIntersection(await service.seeded(watchlist)) }
            let symbols = watchlist.filter { symbol in
                guard streamed.contains(symbol), let row = rows[symbol] else { return true }
                return row.quote == nil || row.failure != nil
            }
            guard !symbols.isEmpty, let results = try? await service.quotes(symbols, bypassCache: bypassCache) else {
                break
            }
            apply(results)
        case .chain:
            guard let focus = chainFocus else { return }
            let result = await service.optionChain(
                focus.underlying, expiration: focus.expiration, bypassCache: bypassCache)
            guard let current = chainFocus, current.underlying == focus.underlying else { return }
            switch result {
            case .success(let view):
                chain = view.keepingNewerStreamedQuotes(of: chain)
                succeeded()
            case .failure(let failure):
                var view = chain ?? OptionChainView(underlying: focus.underlying)
                view.failure = failure
                chain = view
                if failure.code == .upstreamError { lastError = failure }
            }
        case .bars:
            if let lines = try? await service.sparklines(watchlist) { sparklines.merge(lines) { _, new in new } }
        case .portfolio:
            var view = await service.portfolio(bypassCache: bypassCache)
            if let failure = view.failure {
                // A failed read keeps the last good figures on screen, with the failure shown.
                if var kept = portfolio, kept.account != nil {
                    kept.failure = failure
                    view = kept
                }
                if failure.code == .upstreamError { lastError = failure }
            } else {
                succeeded()
            }
            portfolio = view
        case .chart:
            guard let focus = chartFocus else { return }
            let series = await service.chart(focus.symbol, timeframe: focus.timeframe, bypassCache: bypassCache)
            guard let current = chartFocus, current == focus else { return }
            if series.failure != nil, var kept = chart, kept.symbol == series.symbol,
                kept.timeframe == series.timeframe,
                !kept.slots.isEmpty
            {
                // A failed refresh keeps the last good bars on screen, with the failure shown.
                kept.failure = series.failure
                chart = kept
            } else {
                chart = series
            }
            if series.failure?.code == .upstreamError {
                lastError = series.failure
            } else if series.failure == nil {
                succeeded()
            }
        }
        publish()
    }

    /// Puts REST quote results on their rows.
    private func apply(_ results: [(symbol: String, result: Result<ProcessedStockQuote, PipelineFailure>)]) {
        var anyUpstream: PipelineFailure?
        var anySuccess = false
        for (symbol, result) in results {
            var row = rows[symbol] ?? WatchlistRow(symbol: symbol)
            switch result {
            case .success(let quote):
                row.quote = quote
                row.failure = nil
                anySuccess = true
            case .failure(let failure):
                row.failure = failure
                if failure.code == .upstreamError { anyUpstream = failure }
            }
            rows[symbol] = row
        }
        if let anyUpstream { lastError = anyUpstream } else if anySuccess { succeeded() }
    }

    // MARK: The stream

    /// Runs stream messages through the pipeline onto their rows (only symbols on the watchlist
    /// get a row), then publishes.
    /// - Parameters:
    ///   - messages: Decoded messages, in arrival order.
    ///   - arrivedAt: When their frame arrived (the next publication carries the earliest).
    public func ingestStream(_ messages: [StreamMessage], arrivedAt: Timestamp? = nil) async {
        let outcomes = await service.ingest(messages)
        apply(outcomes)
        if let arrivedAt, outcomes.contains(where: \.isShown) {
            pendingArrival = min(pendingArrival ?? arrivedAt, arrivedAt)
        }
        publish(fromStream: true, data: true)
    }

    /// Fetches fresh REST snapshots for symbols the stream just subscribed, so nothing from before
    /// a gap stays on screen unmarked, then applies the messages that waited for them.
    public func reseed(_ symbols: [String]) async {
        let wanted = symbols.filter { watched.contains($0) }
        guard !wanted.isEmpty, let results = try? await service.quotes(wanted, bypassCache: true) else { return }
        apply(results)
        apply(await service.ingestPending(wanted))
        publish()
    }

    /// The stream's state, for the status bar and the Upstream panel.
    public func setStreamStatus(_ status: StreamStatus) {
        let wasStreaming = stream?.isStreaming == true
        stream = status
        // Back to polling: refresh what the stream no longer delivers at once.
        if wasStreaming && !status.isStreaming { force([.watchlist]) }
        publish(fromStream: true)
    }

    /// Refetches the open chain after the option stream subscribed contracts.
    ///
    /// So nothing from before a gap stays on screen unmarked. Reseeds asked for while one is in
    /// flight make one more fetch, not one each (scrolling subscribes a few contracts at a time).
    public func reseedChain() {
        guard chainFocus != nil else { return }
        force([.chain])
    }

    /// The option stream's state, for the Upstream panel.
    public func setOptionStreamStatus(_ status: StreamStatus) {
        optionStream = status
        publish(fromStream: true)
    }

    /// Whether a session (regular or extended) is on, by the last market clock.
    public func sessionOn() async -> Bool { await service.sessionOn() }

    private func apply(_ outcomes: [StreamIngestOutcome]) {
        for outcome in outcomes {
            switch outcome {
            case .accepted(let quote):
                let symbol = quote.value.symbol
                guard watched.contains(symbol) else { continue }
                // In place: a row copied out and back was two copies of a quote per message.
                rows[symbol, default: WatchlistRow(symbol: symbol)].accept(quote)
                lastSuccess = quote.enrichment.processingTimestamp
            case .optionAccepted(let quote):
                guard var view = chain, view.underlying == quote.value.underlying else { continue }
                if view.place(quote) {
                    chain = view
                    lastSuccess = quote.enrichment.processingTimestamp
                }
            case .rejected(let failure):
                streamRejected += 1
                if let symbol = failure.symbol, let contract = OCCSymbol(symbol), var view = chain {
                    if view.mark(contract, failure) { chain = view }
                } else if let symbol = failure.symbol, watched.contains(symbol) {
                    var row = rows[symbol] ?? WatchlistRow(symbol: symbol)
                    row.failure = failure
                    rows[symbol] = row
                }
            case .outOfOrder:
                streamOutOfOrder += 1
            case .status(let symbol, let status):
                guard watched.contains(symbol) else { continue }
                var row = rows[symbol] ?? WatchlistRow(symbol: symbol)
                // Only the code is kept (one short token, sanitised on screen); "T" is trading.
                let code = status.code.map { String($0.prefix(2)) }
                row.haltCode = code == nil || code == "T" ? nil : code
                rows[symbol] = row
            case .awaitingSeed, .superseded:
                break
            }
        }
    }

    private func succeeded() {
        lastSuccess = now()
        lastError = nil
    }

    /// Asks for a publication; one drainer publishes them in generation order, folding requests
    /// that arrive meanwhile into the next one.
    private func publish(fromStream: Bool = false, data: Bool = false) {
        if !fromStream { streamOnly = false }
        if data { streamData = true }
        publishRequested = true
        guard !publishing else { return }
        publishing = true
        Task { await self.drainPublications() }
    }

    private func drainPublications() async {
        while publishRequested {
            publishRequested = false
            let spaced = streamOnly && streamData
            streamOnly = true
            streamData = false
            let stats = await service.cache.stats()
            emit(cache: stats)
            if spaced { try? await clock.sleep(for: Self.streamSpacing) }
        }
        publishing = false
    }

    private func emit(cache stats: [CacheClassReport]) {
        generation += 1
        let configuration = service.client.configuration
        let journal = service.journal
        var list: [WatchlistRow] = []
        for symbol in watchlist {
            var row = rows[symbol] ?? WatchlistRow(symbol: symbol)
            row.sparkline = sparklines[symbol] ?? []
            list.append(row)
        }
        var streamView = stream
        streamView?.rejected = streamRejected
        streamView?.outOfOrder = streamOutOfOrder
        var market = DashboardSnapshot(
            generation: generation, origin: origin, stockFeed: configuration.stockFeed,
            optionsFeed: configuration.optionsFeed, clock: marketClock, lastSuccessfulRefresh: lastSuccess,
            lastError: lastError, watchlist: list, chain: chain, quality: journal.quality(for: watchlist),
            validationFailures: journal.failures, failureCounts: journal.counts, refreshInterval: intervals.watchlist,
            paused: paused, alpacaWatchlists: alpacaWatchlists, alpacaWatchlistFailure: alpacaWatchlistFailure,
            chart: chart, portfolio: portfolio)
        market.stream = streamView
        market.optionStream = optionStream
        market.streamArrival = pendingArrival
        pendingArrival = nil
        let metrics = service.metrics.snapshot()
        if !alertEngine.rules.isEmpty {
            let events = alertEngine.evaluate(
                market, metrics: metrics, openCircuits: service.metrics.openCircuitHosts, now: now())
            market.alerts = alertEngine.recent
            market.activeAlertCount = alertEngine.activeCount
            market.alertsFired = alertEngine.firedCount
            if !events.isEmpty { onAlert(events) }
        }
        continuation.yield(DashboardUpdate(market: market, metrics: metrics, cache: stats))
    }
}
