import AlpacaAPI
import AlpacaStream
import MarketModel
import Pipeline
import TUITestSupport
import Testing

/// A stream message validated as the part it changes gives what the merged snapshot gives.
///
/// `IngressValidator.validateStream` against `validateStock` of the merged snapshot: the same
/// quote, or the same failure with the same rule id. Random bases and messages, valid and broken,
/// on a seeded generator.
struct StreamValidationTests {
    static let now = Timestamp(rfc3339: "2024-03-12T15:00:00Z")!
    static let context = StageContext(
        now: now,
        clock: MarketClock(
            timestamp: now, isOpen: true, nextOpen: Timestamp(rfc3339: "2024-03-13T13:30:00Z")!,
            nextClose: Timestamp(rfc3339: "2024-03-12T20:00:00Z")!),
        configuration: PipelineConfiguration())

    /// A time around now: mostly recent, sometimes stale, in the future, or missing.
    static func time(_ g: inout SeededGenerator) -> Timestamp? {
        switch Int.random(in: 0..<20, using: &g) {
        case 0: nil
        case 1: now.adding(seconds: 3600)
        case 2: now.adding(seconds: -86_400 * 3)
        default: now.adding(seconds: -Double(Int.random(in: 0...120, using: &g)))
        }
    }

    /// A price: mostly sane, sometimes zero, negative, huge or missing.
    static func price(_ g: inout SeededGenerator) -> Double? {
        switch Int.random(in: 0..<25, using: &g) {
        case 0: nil
        case 1: 0
        case 2: -1
        case 3: 5e7
        default: 100 + Double(Int.random(in: -500...500, using: &g)) / 100
        }
    }

    static func size(_ g: inout SeededGenerator) -> Int64? {
        switch Int.random(in: 0..<20, using: &g) {
        case 0: nil
        case 1: -5
        case 2: Int64.max
        default: Int64.random(in: 0...5000, using: &g)
        }
    }

    static func quote(_ g: inout SeededGenerator) -> WireQuote {
        var q = WireQuote()
        q.time = time(&g)
        q.bidPrice = price(&g)
        q.askPrice = q.bidPrice.map { $0 + Double(Int.random(in: -3...30, using: &g)) / 100 }
        q.bidSize = size(&g)
        q.askSize = size(&g)
        q.bidExchange = "V"
        q.conditions = ["R"]
        return q
    }

    static func trade(_ g: inout SeededGenerator) -> WireTrade {
        var t = WireTrade()
        t.time = time(&g)
        t.price = price(&g)
        t.size = size(&g)
        t.exchange = "Q"
        return t
    }

    static func bar(_ g: inout SeededGenerator, time fixed: Timestamp? = nil) -> WireBar {
        var b = WireBar()
        b.time = fixed ?? time(&g)
        let close = price(&g)
        b.open = close.map { $0 - 0.5 }
        b.high = close.map { $0 + Double(Int.random(in: -1...2, using: &g)) }
        b.low = close.map { $0 - 1 }
        b.close = close
        b.volume = size(&g)
        return b
    }

    static func snapshot(_ g: inout SeededGenerator) -> WireStockSnapshot {
        var s = WireStockSnapshot()
        if Int.random(in: 0..<5, using: &g) > 0 { s.latestQuote = quote(&g) }
        if Int.random(in: 0..<5, using: &g) > 0 { s.latestTrade = trade(&g) }
        if Int.random(in: 0..<4, using: &g) > 0 { s.minuteBar = bar(&g) }
        if Int.random(in: 0..<4, using: &g) > 0 { s.dailyBar = bar(&g) }
        if Int.random(in: 0..<4, using: &g) > 0 { s.previousDailyBar = bar(&g) }
        return s
    }

    static func message(_ g: inout SeededGenerator, symbol: String, base: WireStockSnapshot) -> StreamMessage {
        switch Int.random(in: 0..<6, using: &g) {
        case 0, 1: .quote(symbol: symbol, quote(&g))
        case 2, 3: .trade(symbol: symbol, trade(&g))
        case 4: .bar(Bool.random(using: &g) ? .minute : .daily, symbol: symbol, bar(&g))
        default:
            // A correction: of the minute bar held, or of another minute.
            .bar(.updated, symbol: symbol, bar(&g, time: Bool.random(using: &g) ? base.minuteBar?.time : nil))
        }
    }

    @Test func aMessageValidatedAsItsPartEqualsTheMergedSnapshotValidatedWhole() {
        var g = SeededGenerator(seed: 0x5EED_0010)
        var accepted = 0
        var rejected = 0
        for round in 0..<20_000 {
            let symbol = round % 7 == 0 ? "BRK.B" : "AAPL"
            var base = Self.snapshot(&g)
            // The held value: the base validated whole, or nothing (a rejected seed) over an empty one.
            let held: StockQuote
            switch IngressValidator.validateStock(symbol: symbol, snapshot: base, context: Self.context) {
            case .success(let quote): held = quote
            case .failure:
                base = WireStockSnapshot()
                held = StockQuote(symbol: symbol)
            }
            let message = Self.message(&g, symbol: symbol, base: base)
            let whole = IngressValidator.validateStock(
                symbol: symbol, snapshot: MarketDataService.merge(message, into: base), context: Self.context)
            let part = IngressValidator.validateStream(message, into: held, context: Self.context)
            #expect(part == whole, "\(message) into \(base)")
            if case .success = part { accepted += 1 } else { rejected += 1 }
        }
        // Both outcomes are exercised, many times each.
        #expect(accepted > 2000 && rejected > 2000, "accepted \(accepted), rejected \(rejected)")
    }
}
