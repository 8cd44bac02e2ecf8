import TUICore
import TUITestSupport
import Testing

struct BufferDiffTests {
    static let graphemes = ["a", "b", "Z", " ", "中", "文", "😀", "🚀", "─", "▃", "e\u{301}"]
    static let styles = [
        Style.plain, Style(foreground: .ansi(1)), Style(foreground: .rgb(1, 2, 3), attributes: .bold),
        Style(attributes: .reverse),
    ]

    static func randomBuffer(_ size: Size, _ rng: inout SeededGenerator) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        for _ in 0..<(size.area * 2 / 3) {
            let text = graphemes.randomElement(using: &rng)!
            let style = styles.randomElement(using: &rng)!
            buffer.write(
                text, x: Int.random(in: 0..<size.width, using: &rng), y: Int.random(in: 0..<size.height, using: &rng),
                style: style)
        }
        return buffer
    }

    @Test(arguments: [1 as UInt64, 2, 3, 42, 2024])
    func applyingTheDiffReproducesTheNextFrame(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<200 {
            let size = Size(width: Int.random(in: 1...12, using: &rng), height: Int.random(in: 1...4, using: &rng))
            var previous = Self.randomBuffer(size, &rng)
            let next = Self.randomBuffer(size, &rng)
            BufferDiff.apply(BufferDiff.diff(previous, next), to: &previous)
            #expect(previous == next)
        }
    }

    @Test func identicalFramesProduceNoChanges() {
        var rng = SeededGenerator(seed: 7)
        let frame = Self.randomBuffer(Size(width: 20, height: 5), &rng)
        #expect(BufferDiff.diff(frame, frame).isEmpty)
    }

    @Test func terminalSendsOnlyChangedCells() {
        var terminal = Terminal(backend: TestBackend(size: Size(width: 10, height: 2)))
        var frame = ScreenBuffer(size: Size(width: 10, height: 2))
        frame.write("hello", x: 0, y: 0, style: .plain)
        #expect(terminal.draw(frame) == 20)
        frame.write("J", x: 0, y: 0, style: .plain)
        #expect(terminal.draw(frame) == 1)
        #expect(terminal.draw(frame) == 0)
        #expect(terminal.backend.buffer == frame)
    }
}
