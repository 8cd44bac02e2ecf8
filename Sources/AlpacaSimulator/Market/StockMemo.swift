import MarketModel
import Synchronization

/// What one stock's engine remembers between requests: values that are pure functions of their
/// key, so serving them again gives the same bits without computing them again.
///
/// Everything here is bounded: one price, one minute bar, one knot table and at most
/// ``dailyBarLimit`` completed daily bars (the most recent days are kept). Values are computed
/// outside the lock; when two requests race, both compute the same value and either may store it.
final class StockMemo: Sendable {
    /// The most completed daily bars kept.
    static let dailyBarLimit = 4

    private struct State {
        var priceSecond: Int64?
        var price = 0.0
        var minuteBar: SimBar?
        var knots: PathKnotTable?
        var dailyBars: [Int: SimBar] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty memo.
    init() {}

    /// The price remembered for `second`, if that is the last second asked for.
    func price(at second: Int64) -> Double? {
        state.withLock { $0.priceSecond == second ? $0.price : nil }
    }

    /// Remembers the price of `second`.
    func remember(price: Double, at second: Int64) {
        state.withLock {
            $0.priceSecond = second
            $0.price = price
        }
    }

    /// The minute bar remembered for the minute starting at `start`.
    func minuteBar(at start: Timestamp) -> SimBar? {
        state.withLock { $0.minuteBar?.time == start ? $0.minuteBar : nil }
    }

    /// Remembers the latest minute bar asked for.
    func remember(minuteBar: SimBar) {
        state.withLock { $0.minuteBar = minuteBar }
    }

    /// The knot table of `path` covering `second`, computing it (and replacing the previous one)
    /// when the remembered table is for another day.
    func knots(of path: PricePath, covering second: Int64) -> PathKnotTable {
        if let table = state.withLock({ $0.knots }), table.covers(second) { return table }
        let table = PathKnotTable(path: path, second: second)
        state.withLock { $0.knots = table }
        return table
    }

    /// The completed daily bar remembered for a day.
    func dailyBar(day: Int) -> SimBar? {
        state.withLock { $0.dailyBars[day] }
    }

    /// How many completed daily bars are remembered.
    var dailyBarCount: Int { state.withLock { $0.dailyBars.count } }

    /// Remembers a completed daily bar, keeping only the ``dailyBarLimit`` most recent days.
    func remember(dailyBar: SimBar, day: Int) {
        state.withLock { state in
            state.dailyBars[day] = dailyBar
            while state.dailyBars.count > Self.dailyBarLimit, let oldest = state.dailyBars.keys.min() {
                state.dailyBars[oldest] = nil
            }
        }
    }
}
