import TUICore
import Testing

struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("€", 1), ("─", 1), ("▁", 1), ("▲", 1), ("中", 2), ("界", 2), ("한", 2), ("Ａ", 2),
        ("😀", 2), ("🚀", 2), ("e\u{301}", 1), ("👍🏽", 2), ("❤️", 2), ("🇺🇸", 2), ("\u{200B}", 0), ("\u{301}", 0),
    ])
    func measuresGraphemeClusters(text: String, width: Int) {
        #expect(DisplayWidth.of(Character(text)) == width)
    }

    @Test func measuresStrings() {
        #expect(DisplayWidth.of("AAPL 中文") == 9)
        #expect(DisplayWidth.of("") == 0)
    }
}
