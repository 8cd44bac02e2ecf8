import TUITestSupport
import Testing

@testable import TUICore

/// The render fast paths (standalone scalars, fitted writes, inline cells) must draw exactly what
/// the general paths draw.
struct FastPathEquivalenceTests {
    @Test func everyStandaloneScalarIsSafeAndStandsAlone() {
        var count = 0
        for value in UInt32(0)..<0x3000 where DisplayWidth.isStandalone(value) {
            let scalar = Unicode.Scalar(value)!
            let text = String(Character(scalar))
            count += 1
            #expect(!TerminalSanitizer.isUnsafe(scalar), "U+\(String(value, radix: 16))")
            // Joins nothing before or after it, not even itself (Extend, SpacingMark, Prepend,
            // ZWJ, regional indicators, Hangul jamo and CR/LF all fail one of these).
            #expect((text + "a").count == 2, "U+\(String(value, radix: 16))")
            #expect(("a" + text).count == 2, "U+\(String(value, radix: 16))")
            #expect((text + text).count == 2, "U+\(String(value, radix: 16))")
            #expect(DisplayWidth.standaloneWidth(value) == DisplayWidth.computedWidth(of: scalar))
        }
        #expect(count > 3000)
    }

    @Test func tableWidthsMatchComputedWidths() {
        for value in UInt32(0)..<0x3_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if DisplayWidth.of(scalar) != DisplayWidth.computedWidth(of: scalar) {
                Issue.record("U+\(String(value, radix: 16))")
                return
            }
        }
    }

    static let pieces = [
        "a", "Z", " ", "7", "─", "│", "▲", "▼", "…", "—", "◷", "●", "✓", "✗", "⏸", "☔", "µ", "é", "中", "😀",
        "e\u{301}", "\t", "\u{1B}", "\u{200B}", "\u{AD}", "‼", "\u{FE0F}", "🇺", "🇸",
    ]

    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func fittedWritesMatchWritingFittedText(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...9, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }
                .joined()
            let size = Size(width: Int.random(in: 1...14, using: &rng), height: 2)
            var before = ScreenBuffer(size: size)
            before.write(
                String(repeating: "中", count: 8), x: Int.random(in: -1...1, using: &rng), y: 0,
                style: Style(foreground: .ansi(3)))
            let x = Int.random(in: -3...size.width, using: &rng)
            let width = Int.random(in: -1...12, using: &rng)
            let alignment = [Alignment.left, .right, .center].randomElement(using: &rng)!
            let style = Style(foreground: .ansi(1), attributes: .bold)
            var expected = before
            let expectedUsed = expected.write(
                TerminalSanitizer.fit(text, width: width, alignment: alignment), x: x, y: 0, style: style,
                maxWidth: width)
            var actual = before
            let used = actual.writeFitted(text, x: x, y: 0, width: width, alignment: alignment, style: style)
            #expect(used == expectedUsed, "\(text.debugDescription) x=\(x) width=\(width) \(alignment)")
            #expect(actual == expected, "\(text.debugDescription) x=\(x) width=\(width) \(alignment)")
        }
    }

    @Test(arguments: [5 as UInt64, 6, 7])
    func fillMatchesCellByCellBlanks(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<2000 {
            let size = Size(width: Int.random(in: 1...10, using: &rng), height: Int.random(in: 1...3, using: &rng))
            var buffer = ScreenBuffer(size: size)
            for _ in 0..<8 {
                buffer.write(
                    Self.pieces.randomElement(using: &rng)!, x: Int.random(in: 0..<size.width, using: &rng),
                    y: Int.random(in: 0..<size.height, using: &rng), style: Style(foreground: .ansi(2)))
            }
            let rect = Rect(
                x: Int.random(in: -2...size.width, using: &rng), y: Int.random(in: -1...size.height, using: &rng),
                width: Int.random(in: 0...12, using: &rng), height: Int.random(in: 0...3, using: &rng))
            let style = Style(background: .ansi(4))
            var expected = buffer
            let clipped = rect.intersection(expected.area)
            for y in clipped.y..<clipped.maxY {
                for x in clipped.x..<clipped.maxX { expected.set(.blank(style), x: x, y: y) }
            }
            buffer.fill(rect, style: style)
            #expect(buffer == expected, "\(rect) in \(size)")
        }
    }

    @Test func cellsKeepTheirGrapheme() {
        for text in [
            "", " ", "a", "\u{0}", "é", "e\u{301}", "中", "😀", "👨‍👩‍👧‍👦", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
        ] {
            let cell = Cell(grapheme: text, width: 1)
            #expect(cell.grapheme == text)
            #expect(cell == Cell(grapheme: String(text), width: 1))
            #expect(cell.hashValue == Cell(grapheme: String(text), width: 1).hashValue)
        }
        for scalar in ["a", "é", "─", "中", "😀"] as [Unicode.Scalar] {
            #expect(Cell(scalar: scalar, width: 1, style: .plain) == Cell(grapheme: String(scalar), width: 1))
        }
        #expect(Cell.blank(.plain) == Cell.blank)
        #expect(Cell.continuation(.plain) == Cell(grapheme: "", width: 0))
        #expect(Cell(grapheme: "a", width: 1) != Cell(grapheme: "b", width: 1))
        #expect(Cell(grapheme: "a", width: 1) != Cell(grapheme: "a", width: 2))
        #expect(Cell(grapheme: "a", width: 1) != Cell(grapheme: "a", width: 1, style: Style(attributes: .bold)))
        // Longer than any sanitized cluster: cut at the last whole scalar within 32 bytes.
        let long = String(repeating: "😀", count: 9)
        #expect(Cell(grapheme: long, width: 2).grapheme == String(repeating: "😀", count: 8))
        var cell = Cell.blank
        cell.grapheme = "中"
        cell.width = 2
        #expect(cell == Cell(grapheme: "中", width: 2))
    }
}

struct PackedStyleTests {
    @Test func colorsAndStylesSurviveACell() {
        var colors: [Color] = [.default]
        for n in [0, 1, 7, 8, 15, 16, 200, 255] as [UInt8] { colors += [.ansi(n), .indexed(n)] }
        colors += [.rgb(0, 0, 0), .rgb(255, 255, 255), .rgb(1, 2, 3), .rgb(0xd0, 0x80, 0x0f)]
        for color in colors { #expect(Color(packed: color.packed) == color) }
        for foreground in colors {
            for background in colors {
                for raw in [0, 1, 3, 16, 31] as [UInt8] {
                    let style = Style(
                        foreground: foreground, background: background, attributes: TextAttributes(rawValue: raw))
                    var cell = Cell(grapheme: "x", width: 1, style: style)
                    #expect(cell.style == style)
                    #expect(cell.grapheme == "x" && cell.width == 1)
                    cell.style = .plain
                    #expect(cell == Cell(grapheme: "x", width: 1))
                    cell.style = style
                    #expect(cell == Cell(grapheme: "x", width: 1, style: style))
                    #expect((cell == Cell(grapheme: "x", width: 1, style: .plain)) == (style == .plain))
                }
            }
        }
    }
}
