/// A one-row chart of recent values drawn with `▁▂▃▄▅▆▇█`.
public struct Sparkline: Sendable, Equatable {
    /// The eight bar glyphs, lowest first.
    public static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The values, oldest first.
    public var values: [Double]

    /// Creates a sparkline.
    /// - Parameter values: The values, oldest first.
    public init(_ values: [Double]) { self.values = values }

    /// The most recent `width` values as glyphs scaled between their minimum and maximum;
    /// non-finite values show as a space, a flat series as `▄`.
    /// - Parameter width: The most glyphs to produce.
    /// - Returns: The glyphs.
    public func glyphs(width: Int) -> String {
        guard width > 0 else { return "" }
        let recent = values.suffix(width)
        let finite = recent.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "" }
        let span = high - low
        return String(
            recent.map { value -> Character in
                guard value.isFinite else { return " " }
                guard span > 0 else { return Self.bars[3] }
                // An infinite span (values at both ends of Double's range) gives NaN here: no trap.
                let scaled = ((value - low) / span * 7).rounded()
                let level = scaled.isFinite ? Int(min(7, max(0, scaled))) : 3
                return Self.bars[level]
            })
    }

    /// Draws the sparkline right-aligned in one row of `area`.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area (only its first row is used).
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let text = glyphs(width: area.width)
        let style = theme.style(.body).patched(with: theme.style(.sparkline))
        buffer.write(text, x: area.maxX - DisplayWidth.of(text), y: area.y, style: style)
    }
}
