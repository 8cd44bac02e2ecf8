import TUICore
import TUINCurses
import Testing

struct ColorTests {
    @Test func defaultStaysDefault() {
        for colors in [0, 8, 16, 256] {
            #expect(ColorDownsampler.index(for: .default, colors: colors) == -1)
        }
    }

    @Test func noColoursMeansDefaults() {
        #expect(ColorDownsampler.index(for: .rgb(255, 0, 0), colors: 0) == -1)
    }

    @Test func rgbToCubeAndGreys() {
        #expect(ColorDownsampler.rgbTo256(255, 0, 0) == 196)
        #expect(ColorDownsampler.rgbTo256(0, 0, 0) == 16)
        #expect(ColorDownsampler.rgbTo256(255, 255, 255) == 231)
        #expect(ColorDownsampler.rgbTo256(128, 128, 128) == 244)
        #expect(ColorDownsampler.rgbTo256(0x50, 0xfa, 0x7b) == 84)
    }

    @Test func downsamplesBy_COLORS() {
        #expect(ColorDownsampler.index(for: .rgb(255, 0, 0), colors: 256) == 196)
        #expect(ColorDownsampler.index(for: .rgb(255, 0, 0), colors: 16) == 9)
        #expect(ColorDownsampler.index(for: .rgb(200, 0, 0), colors: 8) == 1)
        #expect(ColorDownsampler.index(for: .indexed(46), colors: 16) == 10)
        #expect(ColorDownsampler.index(for: .ansi(12), colors: 8) == 4)
        #expect(ColorDownsampler.index(for: .ansi(12), colors: 256) == 12)
        #expect(ColorDownsampler.index(for: .rgb(1, 2, 3), colors: 1 << 24) == 16)
    }

    @Test func everyIndexFitsItsPalette() {
        for index in 0..<256 {
            #expect((0..<16).contains(ColorDownsampler.fit16(index)))
            #expect((0..<8).contains(ColorDownsampler.fit16(index, limit: 8)))
        }
    }

    @Test func pairsAreAllocatedLazilyAndBounded() {
        var registry = ColorPairRegistry(capacity: 3)
        let red = ColorPairRegistry.Key(foreground: 1, background: -1)
        let green = ColorPairRegistry.Key(foreground: 2, background: -1)
        let blue = ColorPairRegistry.Key(foreground: 4, background: -1)
        #expect(registry.pair(for: ColorPairRegistry.Key(foreground: -1, background: -1)) == (0, false))
        #expect(registry.pair(for: red) == (1, true))
        #expect(registry.pair(for: red) == (1, false))
        #expect(registry.pair(for: green) == (2, true))
        #expect(registry.pair(for: blue) == (0, false))
        registry.reset()
        #expect(registry.pair(for: blue) == (1, true))
    }

    @Test func terminalRefusesWithoutATTY() {
        // `swift test` runs with pipes, so the terminal must refuse instead of exiting the process.
        #expect(TerminalUnavailable.notATerminal.description.contains("terminal"))
        #expect(TerminalUnavailable.unsupportedTerm("dumb").description.contains("dumb"))
    }
}
