import TUICore
import TUITestSupport
import Testing

/// Fuzz-style property tests of the sanitizer (reliability.md §6 D10).
///
/// No C0, DEL, C1, format (zero-width, BiDi) or line/paragraph-separator scalar survives, clusters
/// stay bounded, and clamping and fitting keep their widths, for thousands of seeded hostile inputs.
struct SanitizerPropertyTests {
    /// Pieces of hostile text: escape sequences, controls, BiDi and zero-width scalars, combining
    /// marks, wide and emoji clusters, plain text and invalid UTF-8.
    static let pieces: [[UInt8]] =
        [
            "\u{1B}[2J", "\u{1B}]0;title\u{7}", "\u{1B}]52;c;AAAA\u{7}", "\u{1B}P", "\r", "\n", "\t", "\u{8}",
            "\u{7F}", "\u{85}", "\u{9B}31m", "\u{202E}", "\u{202A}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}",
            "\u{2028}", "\u{2029}", "\u{AD}", "\u{0301}", "\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}",
            "中", "👩‍👩‍👧", "🇺🇸", "é", "AAPL", " ", "—", "0.01",
        ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

    static func unsafe(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .control || category == .format || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    @Test func nothingUnsafeSurvivesAndWidthsHold() async {
        var rng = SeededGenerator(seed: 0x5A17_12E5)
        for round in 0..<20_000 {
            // Yield now and then: the in-process servers of the HTTP suites share these threads.
            if round % 500 == 0 { await Task.yield() }
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) {
                if Int.random(in: 0..<5, using: &rng) == 0 {
                    bytes.append(UInt8.random(in: 0...255, using: &rng))
                } else {
                    bytes += Self.pieces.randomElement(using: &rng)!
                }
            }
            let safe = TerminalSanitizer.sanitize(bytes: bytes)
            #expect(!safe.unicodeScalars.contains(where: Self.unsafe), "\(bytes)")
            #expect(safe.allSatisfy { $0.unicodeScalars.count <= TerminalSanitizer.maximumScalarsPerCluster })
            let width = Int.random(in: 0...20, using: &rng)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(DisplayWidth.of(TerminalSanitizer.clamp(text, toWidth: width)) <= width, "\(bytes)")
            #expect(DisplayWidth.of(TerminalSanitizer.fit(text, width: width)) == width, "\(bytes)")
        }
    }

    @Test func aBufferNeverHoldsAnUnsafeScalarOrWritesOutsideItsRow() async {
        var rng = SeededGenerator(seed: 0xB0FF_E12)
        for round in 0..<2_000 {
            if round % 500 == 0 { await Task.yield() }
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...8, using: &rng) { bytes += Self.pieces.randomElement(using: &rng)! }
            var buffer = ScreenBuffer(size: Size(width: 12, height: 3))
            buffer.write(
                String(decoding: bytes, as: UTF8.self), x: Int.random(in: -2...11, using: &rng), y: 1, style: .plain)
            let text = buffer.snapshotText
            #expect(!text.unicodeScalars.contains { $0 != "\n" && Self.unsafe($0) }, "\(bytes)")
            let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows[0] == String(repeating: " ", count: 12) + "|", "row 0 untouched: \(bytes)")
            #expect(rows[2] == String(repeating: " ", count: 12) + "|", "row 2 untouched: \(bytes)")
            #expect(DisplayWidth.of(rows[1].dropLast()) == 12, "row 1 keeps its width: \(bytes)")
        }
    }
}
