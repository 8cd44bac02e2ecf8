import MarketModel

/// Enumerates historical bars for several symbols in Alpaca's order (symbol-major, then time),
/// with `limit` counted across symbols and a resumable cursor.
struct BarSeries: Sendable {
    /// Where a page starts: a symbol and the label of its first bar.
    struct Cursor: Sendable, Equatable {
        /// The symbol.
        var symbol: String
        /// The first bar's label.
        var time: Timestamp
    }

    /// One page of bars.
    struct Page: Sendable {
        /// Bars per symbol, in output order (symbols with no bars on this page are absent).
        var bars: [(symbol: String, bars: [SimBar])]
        /// Where the next page starts, or nil when done.
        var next: Cursor?
    }

    /// The timeframe.
    let timeframe: Timeframe
    /// Earliest label, inclusive.
    let start: Timestamp
    /// Latest label, inclusive.
    let end: Timestamp
    /// Data horizon: no bar covers time after this.
    let horizon: Timestamp
    /// Newest first when true.
    let descending: Bool

    /// Produces one page over `engines` (already in symbol order) starting at `cursor`.
    func page(engines: [StockEngine], limit: Int, from cursor: Cursor?) -> Page {
        var output: [(symbol: String, bars: [SimBar])] = []
        var count = 0
        var startIndex = 0
        if let cursor, let index = engines.firstIndex(where: { $0.profile.symbol == cursor.symbol }) {
            startIndex = index
        }
        for index in startIndex..<engines.count {
            let engine = engines[index]
            let resume = (cursor != nil && index == startIndex) ? cursor?.time : nil
            var bars: [SimBar] = []
            var next: Cursor?
            forEachWindow(resumingAt: resume) { label, from, to in
                if count == limit {
                    next = Cursor(symbol: engine.profile.symbol, time: label)
                    return false
                }
                bars.append(
                    timeframe.unit == .day
                        ? (engine.dailyBar(on: NewYorkTime(from).date, now: to.adding(seconds: 0))
                            ?? engine.bar(label: label, from: from, to: to))
                        : engine.bar(label: label, from: from, to: to))
                count += 1
                return true
            }
            if !bars.isEmpty { output.append((engine.profile.symbol, bars)) }
            if let next { return Page(bars: output, next: next) }
        }
        return Page(bars: output, next: nil)
    }

    /// Visits each bar window (label, data start, data end) in output order until `visit` returns false.
    func forEachWindow(resumingAt resume: Timestamp?, _ visit: (Timestamp, Timestamp, Timestamp) -> Bool) {
        let last = min(end, horizon)
        guard start <= last else { return }
        let firstDay = NewYorkTime(start).date
        let lastDay = NewYorkTime(last).date
        var days = TradingCalendar.tradingDays(from: firstDay, through: lastDay)
        if descending { days.reverse() }
        for day in days {
            var windows = windows(on: day)
            if descending { windows.reverse() }
            for (label, from, to) in windows {
                guard label >= start, label <= end else { continue }
                if let resume {
                    if descending ? label > resume : label < resume { continue }
                }
                if !visit(label, from, to) { return }
            }
        }
    }

    /// The bar windows of one trading day in ascending order, truncated at the horizon.
    private func windows(on day: CalendarDate) -> [(Timestamp, Timestamp, Timestamp)] {
        let open = TradingCalendar.open(on: day)
        let close = min(TradingCalendar.close(on: day), horizon)
        guard open < close else { return [] }
        if timeframe.unit == .day {
            return [(NewYorkTime.instant(date: day, secondOfDay: 0), open, close)]
        }
        let step = timeframe.seconds
        var result: [(Timestamp, Timestamp, Timestamp)] = []
        var second = TradingCalendar.openSecond / step * step
        while second < TradingCalendar.closeSecond {
            let label = NewYorkTime.instant(date: day, secondOfDay: second)
            let from = max(label, open)
            let to = min(label.adding(seconds: Double(step)), close)
            if from < to { result.append((label, from, to)) }
            second += step
        }
        return result
    }
}
