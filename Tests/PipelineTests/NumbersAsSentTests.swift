import Foundation
import MarketModel
import Pipeline
import Testing

/// Derived fields carry the inputs' precision and no binary-float noise, on random prices.
struct NumbersAsSentTests {
    static let context = StageContext(
        now: Timestamp(rfc3339: "2024-03-15T14:30:00Z")!, clock: nil, configuration: PipelineConfiguration())

    /// A random price with `places` decimals, as Alpaca would write it, and its exact decimal.
    static func price(_ generator: inout some RandomNumberGenerator, places: Int) -> (Double, Decimal) {
        let scale = [1, 10, 100, 1000, 10_000][places]
        let units = Int.random(in: 1...5_000_000, using: &generator)
        let text = "\(units / scale)" + (places > 0 ? "." + String(String(units % scale + scale).dropFirst()) : "")
        return (Double(text)!, Decimal(string: text)!)
    }

    @Test func spreadAndMidAreExactInTheInputsDecimals() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let places = Int.random(in: 0...4, using: &generator)
            let (bid, bidDecimal) = Self.price(&generator, places: places)
            let (_, stepDecimal) = Self.price(&generator, places: places)
            let ask = Double("\(bidDecimal + stepDecimal)")!
            let base = Enrichment(
                dataSource: .simulator, processingTimestamp: Self.context.now, freshness: .fresh,
                marketStatus: .regular,
                quality: QualityScore(score: 100, reasons: []), spread: nil, midPrice: nil, isMarketHours: false,
                dataAgeSeconds: nil)
            let derived = Enricher.derive(base, bid: bid, ask: ask, timestamp: nil, context: Self.context)
            var line = JSONLine()
            line.add("spread", derived.spread)
            line.add("mid", derived.midPrice)
            let text = line.finished()
            let expectedSpread = Double("\(stepDecimal)")!
            let expectedMid = Double("\((bidDecimal + Decimal(string: "\(ask)")!) / 2)")!
            #expect(derived.spread == expectedSpread, "\(bid) \(ask): \(text)")
            #expect(derived.midPrice == expectedMid, "\(bid) \(ask): \(text)")
            #expect(!text.contains("0000000") && !text.contains("9999999"), "\(text)")
        }
    }

    @Test func theClassicCaseIsZeroPointZeroSix() {
        let base = Enrichment(
            dataSource: .simulator, processingTimestamp: Self.context.now, freshness: .fresh, marketStatus: .regular,
            quality: QualityScore(score: 100, reasons: []), spread: nil, midPrice: nil, isMarketHours: false,
            dataAgeSeconds: nil)
        let derived = Enricher.derive(base, bid: 100.01, ask: 100.07, timestamp: nil, context: Self.context)
        var line = JSONLine()
        line.add("spread", derived.spread)
        #expect(line.finished() == "{\"spread\":0.06}\n")
        #expect(
            Checked.decimalPlaces(187.25) == 2 && Checked.decimalPlaces(5) == 0 && Checked.decimalPlaces(1e-7) == 10)
        #expect(Checked.round(.nan, places: 2).isNaN && Checked.round(1e300, places: 4) == 1e300)
    }
}
