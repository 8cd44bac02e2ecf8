import TUICore
import TUITestSupport
import Testing

/// The candle chart widget: drawn from its candles alone, readable without colour, safe at any
/// size and with any number.
struct CandleChartTests {
    static func candle(
        _ open: Double, _ high: Double, _ low: Double, _ close: Double, volume: Double = 1000,
        extended: Bool = false
    ) -> CandleChart.Candle {
        CandleChart.Candle(open: open, high: high, low: low, close: close, volume: volume, isExtendedHours: extended)
    }

    static let candles: [CandleChart.Candle?] = [
        candle(100, 101, 99.5, 100.8, volume: 500, extended: true), candle(100.8, 102, 100.5, 101.9),
        candle(101.9, 102.4, 100.2, 100.4, volume: 3000), nil, candle(100.4, 100.9, 99, 99.2, volume: 2500),
        candle(99.2, 100, 98.6, 99.9), candle(99.9, 101.2, 99.8, 101, volume: 1800),
        candle(101, 101.5, 100.6, 101.3, volume: 400, extended: true),
    ]

    @Test func candlesAxisLastPriceGapsAndVolume() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 14))
        CandleChart(candles: Self.candles, last: 101.3).render(into: &buffer, area: buffer.area, theme: .monochrome)
        let text = buffer.snapshotText
        #expect(text.contains("┤102.40") && text.contains("┤98.60"), "high and low on the axis")
        #expect(text.contains("◀101.30"), "the last price marked")
        #expect(text.contains("✗"), "the rejected bar is a gap, not interpolated")
        #expect(text.contains("┃") && text.contains("█"), "up and down bodies differ without colour")
        #expect(text.contains("┤vol 3.0K"))
        expectSnapshot(buffer, named: "candle-chart")
    }

    @Test func onlyTheNewestBarsThatFitAreDrawn() {
        let many = (0..<200).map { i in Self.candle(Double(i), Double(i) + 1, Double(i) - 1, Double(i) + 0.5) }
        var buffer = ScreenBuffer(size: Size(width: 40, height: 8))
        CandleChart(candles: many, last: nil).render(into: &buffer, area: buffer.area, theme: .monochrome)
        // The newest bar (199) sets the top of the axis; the oldest drawn is well past 100.
        #expect(buffer.snapshotText.contains("┤200.00"))
        #expect(!buffer.snapshotText.contains("┤1.00"))
    }

    @Test(arguments: [Size(width: 1, height: 1), Size(width: 15, height: 20), Size(width: 80, height: 4)])
    func tooSmallAnAreaStaysBlank(_ size: Size) {
        var buffer = ScreenBuffer(size: size)
        CandleChart(candles: Self.candles, last: 100).render(into: &buffer, area: buffer.area, theme: .monochrome)
        #expect(buffer == ScreenBuffer(size: size))
    }

    @Test func hostileNumbersNeverTrap() {
        let wild: [CandleChart.Candle?] = [
            Self.candle(.nan, .infinity, -.infinity, .nan, volume: .nan), Self.candle(1e308, 1e308, -1e308, 0),
            Self.candle(5, 5, 5, 5, volume: -1), nil, Self.candle(0, 0, 0, 0, volume: .infinity),
        ]
        for last in [nil, Double.nan, 1e300, 5] {
            var buffer = ScreenBuffer(size: Size(width: 30, height: 12))
            CandleChart(candles: wild, last: last).render(into: &buffer, area: buffer.area, theme: .monochrome)
        }
        var flat = ScreenBuffer(size: Size(width: 30, height: 12))
        CandleChart(candles: [Self.candle(5, 5, 5, 5)], last: 5).render(
            into: &flat, area: flat.area, theme: .monochrome)
        #expect(flat.snapshotText.contains("◀5.00"))
        var empty = ScreenBuffer(size: Size(width: 30, height: 12))
        CandleChart(candles: [nil, nil], last: nil).render(into: &empty, area: empty.area, theme: .monochrome)
        #expect(empty.snapshotText.contains("No bars."))
    }
}
