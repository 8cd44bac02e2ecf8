import AlpacaAPI
import TUITestSupport
import Testing

/// Fuzz-style property tests of the decoder: thousands of seeded mutations of a real body.
///
/// Whatever the bytes, decoding either throws `JSONError` or returns a map whose entries each
/// decoded, were `null`, or failed on their own; it never traps, hangs or recurses without bound.
struct JSONMutationTests {
    /// Fragments that stress the parser where it branches.
    static let fragments: [[UInt8]] =
        [
            "{", "}", "[", "]", "\"", "\\", "\\u00", "\\ud800", ":", ",", "1e400", "-", "NaN", "null", "nul", "tru",
            "0.", "01", "\u{1B}[2J", "\u{0}", "\u{202E}",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80]]

    @Test func mutatedSnapshotBodiesNeverTrap() throws {
        let original = try Fixtures.bytes("stocks_snapshots_multi_AAPL_TSLA.json")
        var rng = SeededGenerator(seed: 0xA1FA_CA)
        var parsed = 0
        var rejected = 0
        for _ in 0..<5000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
                case 2: bytes.insert(contentsOf: Self.fragments.randomElement(using: &rng)!, at: at)
                default: bytes.removeSubrange(at..<bytes.count)
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            do {
                let entries = try AlpacaClient.decodeStockSnapshots(bytes)
                parsed += 1
                for (_, entry) in entries {
                    switch entry {
                    case .value(let snapshot):
                        // Whatever decoded is a number the product can use, never NaN or infinity.
                        for price in [snapshot.latestQuote?.bidPrice, snapshot.latestTrade?.price] {
                            #expect(price?.isFinite ?? true)
                        }
                    case .null, .invalid: break
                    }
                }
            } catch {
                rejected += 1
            }
        }
        // Both paths were exercised: the mutations are neither all fatal nor all harmless.
        #expect(parsed > 100, "\(parsed) parsed")
        #expect(rejected > 100, "\(rejected) rejected")
    }

    @Test func deepNestingIsRejectedWithoutRecursingAway() {
        for depth in [511, 512, 10_000, 200_000] {
            // The shallow ones padded with spaces so the one-token-per-four-bytes limit is not what
            // refuses them (the deep ones reach the nesting limit long before the token limit).
            let bytes =
                [UInt8](repeating: UInt8(ascii: "["), count: depth)
                + [UInt8](repeating: UInt8(ascii: " "), count: depth <= 512 ? 4 * depth : 0)
                + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
            if depth < 512 {
                #expect(throws: Never.self) { _ = try JSONDocument(bytes: bytes) }
            } else {
                let error = #expect(throws: JSONError.self) { _ = try JSONDocument(bytes: bytes) }
                #expect(error?.message == "nesting too deep")
            }
        }
    }
}
