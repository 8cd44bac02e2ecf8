import MarketMetrics
import MarketModel
import TUICore

/// The candle chart of one symbol: timeframe tabs, the bars that passed the pipeline, a gap with
/// its rule id for each bar that did not, the last price marked and extended hours dimmed.
enum ChartScreen {
    /// Draws the chart of `symbol`.
    static func render(
        _ state: AppState, symbol: String, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        let series = state.latest?.market.chart.flatMap { $0.symbol == symbol ? $0 : nil }
        let parts = Layout(.vertical, [.length(1), .length(1), .fill(1)]).split(area)
        var header: [TextSpan] = [TextSpan(symbol + " ", role: .title)]
        for frame in ChartSeries.timeframes {
            header.append(
                frame == state.chartTimeframe
                    ? TextSpan("[\(frame)]", role: .tabSelected) : TextSpan(" \(frame) ", role: .tab))
        }
        let last = lastPrice(state, symbol: symbol)
        header.append(
            TextSpan("  last " + (last.map(Format.price) ?? Format.missing), role: last == nil ? .valueMissing : .body))
        if let fetched = series?.fetchedAt {
            header.append(TextSpan("  age " + Format.age(now.seconds(since: fetched)), role: .muted))
        }
        Paragraph([header]).render(into: &buffer, area: parts[0], theme: theme)
        guard let series, series.timeframe == state.chartTimeframe, series.fetchedAt != nil || series.failure != nil
        else {
            Paragraph([[TextSpan("Loading \(state.chartTimeframe) bars of \(symbol)…", role: .muted)]])
                .render(into: &buffer, area: parts[2], theme: theme)
            return
        }
        Paragraph([notes(series)]).render(into: &buffer, area: parts[1], theme: theme)
        guard parts[2].width >= CandleChart.minimumSize.width, parts[2].height >= CandleChart.minimumSize.height else {
            Paragraph([[TextSpan("Too small for a chart.", role: .muted)]]).render(
                into: &buffer, area: parts[2], theme: theme)
            return
        }
        let intraday = series.timeframe.hasSuffix("Min") || series.timeframe.hasSuffix("Hour")
        let candles: [CandleChart.Candle?] = series.slots.map { slot in
            guard case .bar(let bar) = slot else { return nil }
            let second = NewYorkTime(bar.time).secondOfDay
            return CandleChart.Candle(
                open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: Double(bar.volume),
                isExtendedHours: intraday && (second < 9 * 3600 + 1800 || second >= 16 * 3600))
        }
        CandleChart(candles: candles, last: last).render(into: &buffer, area: parts[2], theme: theme)
    }

    /// The latest validated last price of the symbol, from the watchlist or the chain.
    static func lastPrice(_ state: AppState, symbol: String) -> Double? {
        if let row = state.latest?.market.watchlist.first(where: { $0.symbol == symbol }),
            let last = row.quote?.value.lastPrice
        {
            return last
        }
        // Off the watchlist (a chain's underlying): the newest validated bar's close.
        guard let chart = state.latest?.market.chart, chart.symbol == symbol else { return nil }
        for case .bar(let bar) in chart.slots.reversed() { return bar.close }
        return nil
    }

    /// Rejected bars by rule, the fetch failure, or how many bars are drawn.
    static func notes(_ series: ChartSeries) -> [TextSpan] {
        var spans: [TextSpan] = []
        let rejected = series.slots.filter { if case .rejected = $0 { true } else { false } }.count
        if rejected > 0 {
            let rules = series.rejectedRules.map(\.rawValue).joined(separator: " ")
            spans.append(
                TextSpan(
                    "✗ \(rejected) bar\(rejected == 1 ? "" : "s") rejected (\(rules)), drawn as gaps  ",
                    role: .qualityError))
        }
        if let failure = series.failure {
            spans.append(TextSpan("✗ " + WatchlistScreen.failureText(failure), role: .qualityError))
        } else if rejected == 0 {
            spans.append(TextSpan("\(series.slots.count) bars · t/T timeframe · Esc back", role: .muted))
        }
        return spans
    }
}
