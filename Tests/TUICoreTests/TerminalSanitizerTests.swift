import TUICore
import Testing

struct TerminalSanitizerTests {
    @Test(arguments: [
        "\u{1B}[2J\u{1B}[31m", "\u{1B}]0;PWNED\u{07}", "abc\rXY", "abc\u{08}Z", "line\nnext", "a\tb", "\u{7F}",
        "\u{9B}2J", "\u{85}", "evil\u{202E}txt", "zero\u{200B}width", "\u{2066}iso\u{2069}", "bom\u{FEFF}",
        "ls\u{2028}ps\u{2029}", "\u{200D}\u{200E}\u{200F}\u{2060}\u{2064}", "\u{1B}]52;c;SGVsbG8=\u{07}",
    ])
    func neutralisesControlAndFormatCharacters(input: String) {
        let output = TerminalSanitizer.sanitize(input)
        for scalar in output.unicodeScalars {
            #expect(!TerminalSanitizer.isUnsafe(scalar), "U+\(String(scalar.value, radix: 16)) survived")
        }
        #expect(output.unicodeScalars.count == input.unicodeScalars.count)
        #expect(output.contains("\u{FFFD}"))
    }

    @Test func keepsOrdinaryText() {
        #expect(TerminalSanitizer.sanitize("AAPL 187.25 ▲ 中文 😀") == "AAPL 187.25 ▲ 中文 😀")
    }

    @Test func replacesInvalidUTF8() {
        let output = TerminalSanitizer.sanitize(bytes: [0x41, 0xFF, 0xC3, 0x28, 0x1B, 0x42])
        #expect(output == "A\u{FFFD}\u{FFFD}(\u{FFFD}B")
    }

    @Test func boundsCombiningMarks() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 50)
        let output = TerminalSanitizer.sanitize(zalgo)
        #expect(output.unicodeScalars.count == TerminalSanitizer.maximumScalarsPerCluster)
        #expect(DisplayWidth.of(output) == 1)
    }

    @Test(arguments: [0, 1, 2, 3, 5, 8, 40])
    func clampNeverOverflows(width: Int) {
        for text in ["short", "中文中文中文", "a\rb\nc\u{1B}[2K" + String(repeating: "x", count: 10_000), "😀😀😀😀"] {
            let clamped = TerminalSanitizer.clamp(text, toWidth: width)
            #expect(DisplayWidth.of(clamped) <= width)
            #expect(clamped.unicodeScalars.allSatisfy { !TerminalSanitizer.isUnsafe($0) })
        }
    }

    @Test func clampAddsEllipsisOnlyWhenCut() {
        #expect(TerminalSanitizer.clamp("hello", toWidth: 5) == "hello")
        #expect(TerminalSanitizer.clamp("hello world", toWidth: 6) == "hello…")
        #expect(TerminalSanitizer.clamp("中文字", toWidth: 4) == "中…")
    }

    @Test func fitPadsToExactWidth() {
        #expect(TerminalSanitizer.fit("12.5", width: 7, alignment: .right) == "   12.5")
        #expect(TerminalSanitizer.fit("中", width: 3) == "中 ")
    }

    @Test func bufferWritesAreSanitizedAndClipped() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 2))
        buffer.write("ab\rcd\u{1B}[2Kef\nghijklmnop", x: 0, y: 0, style: .plain, maxWidth: 8)
        #expect(buffer.snapshotText == "ab\u{FFFD}cd\u{FFFD}[2  |\n          |\n")
    }
}

/// Regressions found by `fuzz-sanitizer` (Fuzz/Regressions/fuzz-sanitizer).
struct SanitizerFuzzRegressionTests {
    @Test func clustersCutToTheLimitNeverRejoinPastIt() {
        // Hangul jamo: L×12 V×12 T — cut clusters would join again when concatenated.
        let text = String(repeating: "\u{1100}", count: 12) + String(repeating: "\u{1161}", count: 12) + "\u{11A8}"
        let safe = TerminalSanitizer.sanitize(text)
        #expect(safe.allSatisfy { $0.unicodeScalars.count <= TerminalSanitizer.maximumScalarsPerCluster })
        #expect(TerminalSanitizer.sanitize(safe) == safe, "idempotent")
    }

    @Test func marksWithoutABaseGetADottedCircleSoPaddingCannotJoinThem() {
        let marks = String(String.UnicodeScalarView((0x301...0x30C).compactMap(Unicode.Scalar.init))) + "N"
        let safe = TerminalSanitizer.sanitize(marks)
        #expect(safe.unicodeScalars.first == "\u{25CC}")
        let fitted = TerminalSanitizer.fit(marks, width: 6, alignment: .right)
        #expect(DisplayWidth.of(fitted) == 6)
        #expect(fitted.allSatisfy { $0.unicodeScalars.count <= TerminalSanitizer.maximumScalarsPerCluster })
    }

    @Test func aLeadingEmojiModifierGetsABaseToo() {
        // fuzz-sanitizer's F7: padding before a lone U+1F3FD took it as its base, 2 cells short.
        let text = "\u{1F3FD}\u{FFFD}\u{FFFD}\u{1F1F8}"
        #expect(TerminalSanitizer.sanitize(text).unicodeScalars.first == "\u{25CC}")
        for alignment in [Alignment.left, .right, .center] {
            #expect(DisplayWidth.of(TerminalSanitizer.fit(text, width: 142, alignment: alignment)) == 142)
        }
    }
}
