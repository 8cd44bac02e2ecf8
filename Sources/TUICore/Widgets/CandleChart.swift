/// A candlestick chart drawn with box and block glyphs: one column per bar, a price axis on the
/// right, the last price marked, a volume histogram below, gaps where bars were rejected.
///
/// Readable without colour: an up bar's body is `┃`, a down bar's `█`, wicks are `│`, a gap is a
/// `✗` at the top of its column, extended-hours bars are dimmed (`muted`).
public struct CandleChart: Sendable, Equatable {
    /// One bar.
    public struct Candle: Sendable, Equatable {
        /// The open.
        public var open: Double
        /// The high.
        public var high: Double
        /// The low.
        public var low: Double
        /// The close.
        public var close: Double
        /// The volume.
        public var volume: Double
        /// Whether the bar lies outside the regular session.
        public var isExtendedHours: Bool

        /// Creates a candle.
        public init(open: Double, high: Double, low: Double, close: Double, volume: Double, isExtendedHours: Bool) {
            self.open = open
            self.high = high
            self.low = low
            self.close = close
            self.volume = volume
            self.isExtendedHours = isExtendedHours
        }
    }

    /// The smallest area a chart draws in; smaller areas stay blank.
    public static let minimumSize = Size(width: 16, height: 5)

    /// Oldest first; nil is a rejected bar, drawn as a gap.
    public var candles: [Candle?]
    /// The last price, marked on the axis.
    public var last: Double?
    /// The volume histogram's rows.
    public var volumeRows: Int

    /// Creates a chart.
    public init(candles: [Candle?], last: Double?, volumeRows: Int = 3) {
        self.candles = candles
        self.last = last
        self.volumeRows = volumeRows
    }

    /// A price label: two decimals, or none above 10 000.
    static func label(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if abs(value) >= 10_000 { return whole(value) }
        let cents = (value * 100).rounded()
        guard cents.isFinite, abs(cents) < 1e15 else { return "—" }
        let whole = Int64(cents) / 100
        let fraction = abs(Int64(cents) % 100)
        let sign = cents < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Draws the chart.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard area.width >= Self.minimumSize.width, area.height >= Self.minimumSize.height else { return }
        let volumeHeight = area.height >= 10 ? min(volumeRows, area.height / 4) : 0
        let priceHeight = area.height - volumeHeight
        let visible = Array(candles.suffix(max(1, area.width - 10)))
        let drawn = visible.compactMap { $0 }
        let lows = drawn.map(\.low).filter(\.isFinite) + (last.map { [$0] } ?? [])
        let highs = drawn.map(\.high).filter(\.isFinite) + (last.map { [$0] } ?? [])
        guard var low = lows.min(), var high = highs.max() else {
            buffer.write(
                "No bars.", x: area.x, y: area.y + area.height / 2, style: theme.style(.muted), maxWidth: area.width)
            return
        }
        if !(high > low) {
            low -= max(0.01, abs(low) * 0.001)
            high += max(0.01, abs(high) * 0.001)
        }
        let labels = [high, (high + low) / 2, low].map(Self.label)
        let peakVolume = visible.compactMap { $0?.volume }.filter(\.isFinite).max() ?? 0
        let volumeLabel = "vol " + Self.volumeText(peakVolume)
        let axisTexts = labels + [last.map(Self.label) ?? "", volumeHeight > 0 ? volumeLabel : ""]
        let axisWidth = min(14, axisTexts.map(\.count).max() ?? 0) + 2
        let plotWidth = area.width - axisWidth
        let columns = Array(visible.suffix(plotWidth))
        let start = area.x + plotWidth - columns.count
        func row(_ price: Double) -> Int {
            let fraction = (high - price) / (high - low)
            let scaled = (fraction * Double(priceHeight - 1)).rounded()
            return area.y + (scaled.isFinite ? Int(min(Double(priceHeight - 1), max(0, scaled))) : 0)
        }
        for (offset, candle) in columns.enumerated() {
            let x = start + offset
            guard let candle else {
                buffer.set(Cell(grapheme: "✗", width: 1, style: theme.style(.qualityError)), x: x, y: area.y)
                continue
            }
            let up = candle.close >= candle.open
            var style = theme.style(up ? .priceUp : .priceDown)
            if candle.isExtendedHours { style = theme.style(.muted) }
            let top = row(candle.high)
            let bottom = row(candle.low)
            let bodyTop = row(max(candle.open, candle.close))
            let bodyBottom = row(min(candle.open, candle.close))
            for y in top...bottom {
                let body = y >= bodyTop && y <= bodyBottom
                let glyph = body ? (up ? "┃" : "█") : "│"
                buffer.set(Cell(grapheme: glyph, width: 1, style: style), x: x, y: y)
            }
        }
        // The axis: high, middle and low labels, and the last price marked where it falls.
        let axisX = area.x + plotWidth + 1
        let muted = theme.style(.muted)
        buffer.write("┤" + labels[0], x: axisX - 1, y: area.y, style: muted, maxWidth: axisWidth)
        buffer.write(
            "┤" + labels[1], x: axisX - 1, y: area.y + (priceHeight - 1) / 2, style: muted, maxWidth: axisWidth)
        buffer.write("┤" + labels[2], x: axisX - 1, y: area.y + priceHeight - 1, style: muted, maxWidth: axisWidth)
        if let last, last.isFinite {
            buffer.write(
                "◀" + Self.label(last), x: axisX - 1, y: row(last), style: theme.style(.key), maxWidth: axisWidth)
        }
        guard volumeHeight > 0 else { return }
        let volumes = columns.map { $0?.volume ?? 0 }
        let peak = volumes.filter(\.isFinite).max() ?? 0
        guard peak > 0 else { return }
        let levels = volumeHeight * 8
        for (offset, volume) in volumes.enumerated() {
            guard volume.isFinite, volume > 0 else { continue }
            let scaled = (volume / peak * Double(levels)).rounded()
            var remaining = scaled.isFinite ? Int(min(Double(levels), max(1, scaled))) : 1
            let style = columns[offset]?.isExtendedHours == true ? muted : theme.style(.sparkline)
            var y = area.y + area.height - 1
            while remaining > 0 && y >= area.y + priceHeight {
                let glyph = Sparkline.bars[min(8, remaining) - 1]
                buffer.set(Cell(grapheme: String(glyph), width: 1, style: style), x: start + offset, y: y)
                remaining -= 8
                y -= 1
            }
        }
        buffer.write(
            "┤vol " + Self.volumeText(peak), x: axisX - 1, y: area.y + priceHeight, style: muted, maxWidth: axisWidth)
    }

    /// A volume as `950`, `12.3K`, `4.5M`.
    static func volumeText(_ value: Double) -> String {
        switch value {
        case 1e9...: return label(value / 1e9).dropLast(1) + "B"
        case 1e6...: return label(value / 1e6).dropLast(1) + "M"
        case 1e3...: return label(value / 1e3).dropLast(1) + "K"
        default: return whole(value)
        }
    }

    /// A whole number, or `—` when it does not fit.
    static func whole(_ value: Double) -> String {
        let rounded = value.rounded()
        guard rounded.isFinite, abs(rounded) < 9e18 else { return "—" }
        return String(Int64(rounded))
    }
}
