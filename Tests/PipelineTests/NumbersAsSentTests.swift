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

    /// The decimal places a value was written with, by definition: the digits after the point of
    /// its shortest round-trip text (exponent forms count as `limit`).
    static func placesOfText(_ value: Double, limit: Int = 10) -> Int {
        let text = "\(value)"
        if text.contains("e") { return limit }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        let fraction = text[text.index(after: dot)...]
        return fraction == "0" ? 0 : min(limit, fraction.count)
    }

    /// The arithmetic `decimalPlaces` agrees with the text's on prices as sent (0 to 6 places),
    /// on noisy sums, on raw random bit patterns and at the edges of its exact range.
    @Test func decimalPlacesAgreesWithTheShortestText() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 1e-4, 9.999e-5, 1.0000000000000002e-4, 1e15, 999_999_999_999_999.9, 1e15 - 0.125, 1e16,
            0.1 + 0.2, 100.07 - 100.01, 187.25, -187.25, 5, 1e-7, .ulpOfOne, .greatestFiniteMagnitude,
            .leastNonzeroMagnitude, 123_456.123_456_789_01,
        ]
        for _ in 0..<20_000 {
            let places = Int.random(in: 0...6, using: &generator)
            let units = Int64.random(in: 1...9_000_000_000, using: &generator)
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            values.append(Double(units) / scale)
            values.append(Double(units) / scale - Double(Int.random(in: 1...999, using: &generator)) / 1000)
            values.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
        }
        for value in values where value.isFinite {
            for limit in [10, 4] {
                #expect(
                    Checked.decimalPlaces(value, limit: limit) == Self.placesOfText(value, limit: limit),
                    "\(value) at limit \(limit)")
            }
        }
    }
}
