public import AlpacaAPI
public import DashboardUI
public import MarketModel
public import Pipeline
public import TTLCache
public import TUICore

/// Fixed instants and market clocks: no fuzz target reads the wall clock.
public enum Scene {
    /// Friday 2024-03-15 10:30 New York: the regular session is open.
    public static let openNow = Timestamp(nanoseconds: 1_710_513_000_000_000_000)
    /// Saturday 2024-03-16 11:00 New York: closed.
    public static let weekendNow = Timestamp(nanoseconds: 1_710_601_200_000_000_000)

    /// The clock as `/v2/clock` reports it at `openNow`.
    public static let openClock = MarketClock(
        timestamp: openNow, isOpen: true, nextOpen: Timestamp(nanoseconds: 1_710_768_600_000_000_000),
        nextClose: Timestamp(nanoseconds: 1_710_532_800_000_000_000))
    /// The clock at `weekendNow`.
    public static let weekendClock = MarketClock(
        timestamp: weekendNow, isOpen: false, nextOpen: Timestamp(nanoseconds: 1_710_768_600_000_000_000),
        nextClose: Timestamp(nanoseconds: 1_710_792_000_000_000_000))

    /// The stage context while the market is open.
    public static func openContext(_ configuration: PipelineConfiguration = PipelineConfiguration()) -> StageContext {
        StageContext(now: openNow, clock: openClock, configuration: configuration)
    }

    /// The stage context on a weekend.
    public static func weekendContext(
        _ configuration: PipelineConfiguration = PipelineConfiguration()
    ) -> StageContext {
        StageContext(now: weekendNow, clock: weekendClock, configuration: configuration)
    }

    /// The sizes frames are drawn at: the snapshot tests' two, the degraded 40×12, and degenerate ones.
    public static let sizes = [
        Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 40, height: 12),
        Size(width: 20, height: 6), Size(width: 19, height: 30), Size(width: 1, height: 1), Size(width: 0, height: 0),
    ]

    /// Decodes every member of a symbol-keyed map on its own, as `AlpacaClient.decodeMap` does
    /// for the chain endpoint (which has no public single-body decoder).
    public static func decodeMap<Value: Sendable>(
        _ map: JSONValue?, _ decode: (JSONValue) throws(DecodeError) -> Value
    ) -> [String: Entry<Value>] {
        guard let map, map.isObject else { return [:] }
        var out: [String: Entry<Value>] = [:]
        try? map.forEachMember { key, value in
            if value.isNull {
                out[key] = .null
                return
            }
            do throws(DecodeError) { out[key] = .value(try decode(value)) } catch { out[key] = .invalid(error) }
        }
        return out
    }

    /// Draws `routes` of a state at `size` and checks the frame; with `recycle`, also draws into
    /// a recycled buffer and checks that it gives the same frame.
    public static func renderAndCheck(
        _ state: AppState, routes: [Route], size: Size, now: Timestamp, recycled: inout ScreenBuffer,
        _ what: String, recycle: Bool = false
    ) {
        var state = state
        state.routes = routes
        state.size = size
        let frame = render(state, theme: .default, size: size, now: now)
        checkFrame(frame, size: size, "\(what) \(routes.last.map { "\($0)" } ?? "?") at \(size)")
        guard recycle else { return }
        render(state, theme: .default, size: size, now: now, into: &recycled)
        require(recycled == frame, "\(what): drawing into a recycled buffer gave another frame at \(size)")
    }

    /// Stores values in a fresh TTL cache on a clock that never moves, reads each back, and
    /// returns the cache's statistics (for the cache panel).
    public static func cacheRoundTrip(
        _ entries: [(String, CachedValue)]
    ) -> (read: [String: CachedValue], stats: [CacheClassReport]) {
        blocking {
            let cache = TTLCache<String, CachedValue, FixedClock>(clock: FixedClock(), maximumEntries: 64)
            await cache.setMany(entries, class: .realTime)
            var read: [String: CachedValue] = [:]
            for (key, _) in entries {
                if let value = await cache.get(key, class: .realTime) { read[key] = value }
            }
            let held = await cache.count
            require(held <= 64, "the cache holds \(held) entries, more than its bound")
            return (read, await cache.stats())
        }
    }
}

/// Checks what the pipeline promises about a value that passed every stage.
public enum PassedChecks {
    /// A price the pipeline let through: finite, and in the sane range (0 allowed on a quote side).
    static func price(_ value: Double?, _ name: String, allowZero: Bool, _ config: PipelineConfiguration, _ who: String)
    {
        guard let value else { return }
        require(value.isFinite, "\(who): non-finite \(name) \(value) passed the pipeline")
        require(
            (allowZero && value == 0) || config.priceRange.contains(value),
            "\(who): \(name) \(value) outside \(config.priceRange) passed the pipeline")
    }

    static func size(_ value: Int64?, _ name: String, _ config: PipelineConfiguration, _ who: String) {
        guard let value else { return }
        require(value >= 0 && value <= config.maxSize, "\(who): \(name) \(value) passed the pipeline")
    }

    /// Enrichment and derived fields: a score in 0…100, finite spread, mid and age, age ≥ 0.
    public static func enrichment(_ e: Enrichment, _ who: String) {
        require((0...100).contains(e.quality.score), "\(who): quality score \(e.quality.score)")
        for (name, value) in [("spread", e.spread), ("mid", e.midPrice), ("age", e.dataAgeSeconds)] {
            if let value { require(value.isFinite, "\(who): non-finite derived \(name) \(value)") }
        }
        if let age = e.dataAgeSeconds { require(age >= 0, "\(who): negative data age \(age)") }
    }

    static func bar(_ bar: Bar?, _ name: String, _ config: PipelineConfiguration, _ who: String) {
        guard let bar else { return }
        for (field, value) in [("o", bar.open), ("h", bar.high), ("l", bar.low), ("c", bar.close)] {
            price(value, "\(name).\(field)", allowZero: false, config, who)
        }
        if let vwap = bar.vwap { require(vwap.isFinite, "\(who): non-finite \(name).vw \(vwap)") }
        size(bar.volume, "\(name).v", config, who)
        size(bar.tradeCount, "\(name).n", config, who)
    }

    /// A stock quote that passed.
    public static func stock(_ p: ProcessedStockQuote, context: StageContext) {
        let q = p.value
        let config = context.configuration
        let who = "stock \(escaped(q.symbol))"
        require(SymbolFormat.isStock(q.symbol), "\(who): not a stock symbol, yet passed")
        price(q.lastPrice, "last", allowZero: false, config, who)
        price(q.bidPrice, "bid", allowZero: true, config, who)
        price(q.askPrice, "ask", allowZero: true, config, who)
        if let bid = q.bidPrice, let ask = q.askPrice, bid > 0, ask > 0 {
            require(bid <= ask, "\(who): crossed quote \(bid) > \(ask) passed")
        }
        for (name, value) in [("bs", q.bidSize), ("as", q.askSize), ("s", q.lastSize)] {
            size(value, name, config, who)
        }
        bar(q.dailyBar, "dailyBar", config, who)
        bar(q.previousDailyBar, "prevDailyBar", config, who)
        bar(q.minuteBar, "minuteBar", config, who)
        if let t = q.timestamp {
            require(
                t.nanoseconds <= context.now.nanoseconds + Int64(config.clockSkewTolerance * 1e9),
                "\(who): timestamp \(t.nanoseconds) in the future passed")
            require(t >= context.freshnessCutoff, "\(who): stale timestamp passed")
        } else {
            violated("\(who): passed without a timestamp")
        }
        enrichment(p.enrichment, who)
        require(
            p.enrichment.quality.score >= config.minimumQualityScore,
            "\(who): quality \(p.enrichment.quality.score) below the minimum passed")
    }

    /// An option quote that passed.
    public static func option(_ p: ProcessedOptionQuote, context: StageContext) {
        let q = p.value
        let config = context.configuration
        let who = "option \(q.contract)"
        price(q.lastPrice, "last", allowZero: false, config, who)
        price(q.askPrice, "ask", allowZero: true, config, who)
        if let bid = q.bidPrice {
            require(bid.isFinite && bid >= 0, "\(who): bid \(bid) passed")
        }
        if let bid = q.bidPrice, let ask = q.askPrice, bid > 0, ask > 0 {
            require(bid <= ask, "\(who): crossed quote \(bid) > \(ask) passed")
        }
        for (name, value) in [
            ("bs", q.bidSize), ("as", q.askSize), ("s", q.lastSize), ("volume", q.volume), ("oi", q.openInterest),
        ] {
            size(value, name, config, who)
        }
        if let iv = q.impliedVolatility {
            require(iv.isFinite && iv > 0 && iv <= config.maxImpliedVolatility, "\(who): IV \(iv) passed")
        }
        if let g = q.greeks {
            for (name, value) in [
                ("delta", g.delta), ("gamma", g.gamma), ("theta", g.theta), ("vega", g.vega), ("rho", g.rho),
            ] {
                require(value.isFinite, "\(who): non-finite \(name) \(value) passed")
            }
            require((-1...1).contains(g.delta), "\(who): delta \(g.delta) passed")
        }
        require(q.contract.expiration >= context.today, "\(who): expired contract passed")
        enrichment(p.enrichment, who)
        require(
            p.enrichment.quality.score >= config.minimumQualityScore,
            "\(who): quality \(p.enrichment.quality.score) below the minimum passed")
    }
}
