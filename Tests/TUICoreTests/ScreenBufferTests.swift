import TUICore
import Testing

struct ScreenBufferTests {
    @Test(arguments: [Size(width: 5, height: 2), Size(width: 3, height: 3), Size(width: 0, height: 0)])
    func resetGivesTheSameBufferAsANewOne(size: Size) {
        var used = ScreenBuffer(size: Size(width: 5, height: 2))
        used.write("中ab", x: 1, y: 1, style: .plain)
        let fill = Cell(grapheme: ".", width: 1)
        used.reset(size: size, fill: fill)
        #expect(used == ScreenBuffer(size: size, fill: fill))
    }

    @Test func wideGraphemesTakeTwoCells() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let used = buffer.write("中a😀", x: 0, y: 0, style: .plain)
        #expect(used == 5)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[3, 0].width == 2)
        #expect(buffer.snapshotText == "中a😀 |\n")
    }

    @Test func overwritingHalfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("中文", x: 0, y: 0, style: .plain)
        buffer.write("x", x: 1, y: 0, style: .plain)
        #expect(buffer.snapshotText == " x文|\n")
        buffer.write("y", x: 2, y: 0, style: .plain)
        #expect(buffer.snapshotText == " xy |\n")
    }

    @Test func wideGraphemeAtRightEdgeBecomesBlank() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        buffer.set(Cell(grapheme: "中", width: 2), x: 2, y: 0)
        #expect(buffer.snapshotText == "   |\n")
    }

    @Test func snapshotListsStyleRuns() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write("up", x: 1, y: 0, style: Style(foreground: .ansi(2), attributes: .bold))
        #expect(buffer.snapshotText(includeStyles: true) == " up  |\n--- styles\n0 1-2 fg=green bg=default bold\n")
    }
}
