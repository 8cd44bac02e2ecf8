import TUICore
import TUINCurses
import Testing

struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (12, .ctrl("l")), (3, .ctrl("c")), (113, .char("q")), (47, .char("/")), (0x4E2D, .char("中")),
    ])
    func decodesCharacters(value: UInt32, key: Key) {
        #expect(KeyDecoder.decode(.character(value)) == key)
    }

    @Test func dropsUnsafeCharacters() {
        #expect(KeyDecoder.decode(.character(0)) == nil)
        #expect(KeyDecoder.decode(.character(0x9B)) == nil)
        #expect(KeyDecoder.decode(.character(0x202E)) == nil)
    }

    @Test func decodesKeyCodes() {
        let table: [(Int32, Key)] = [
            (KeyDecoder.Code.up, .up), (KeyDecoder.Code.down, .down), (KeyDecoder.Code.left, .left),
            (KeyDecoder.Code.right, .right), (KeyDecoder.Code.pageUp, .pageUp), (KeyDecoder.Code.pageDown, .pageDown),
            (KeyDecoder.Code.home, .home), (KeyDecoder.Code.end, .end), (KeyDecoder.Code.enter, .enter),
            (KeyDecoder.Code.backspace, .backspace), (KeyDecoder.Code.delete, .delete),
            (KeyDecoder.Code.backTab, .backTab), (KeyDecoder.Code.resize, .resize),
            (KeyDecoder.Code.f0 + 1, .function(1)), (KeyDecoder.Code.f0 + 12, .function(12)),
        ]
        for (code, key) in table {
            #expect(KeyDecoder.decode(.keyCode(code)) == key)
        }
        #expect(KeyDecoder.decode(.keyCode(KeyDecoder.Code.mouse)) == nil)
    }

    @Test func codesAreDistinctAndMatchNcursesDocumentedValues() {
        // curses.h documents KEY_DOWN as octal 0402 and KEY_UP as 0403.
        #expect(KeyDecoder.Code.down == 0o402)
        #expect(KeyDecoder.Code.up == 0o403)
        let codes = [
            KeyDecoder.Code.up, KeyDecoder.Code.down, KeyDecoder.Code.left, KeyDecoder.Code.right,
            KeyDecoder.Code.pageUp, KeyDecoder.Code.pageDown, KeyDecoder.Code.home, KeyDecoder.Code.end,
            KeyDecoder.Code.enter, KeyDecoder.Code.backspace, KeyDecoder.Code.delete, KeyDecoder.Code.backTab,
            KeyDecoder.Code.resize, KeyDecoder.Code.mouse,
        ]
        #expect(Set(codes).count == codes.count)
    }
}
