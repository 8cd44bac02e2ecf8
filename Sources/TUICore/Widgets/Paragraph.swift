/// Lines of styled text, cut at the area's edges (no wrapping).
public struct Paragraph: Sendable, Equatable {
    /// The lines, each a sequence of spans.
    public var lines: [[TextSpan]]

    /// Creates a paragraph.
    /// - Parameter lines: The lines.
    public init(_ lines: [[TextSpan]]) { self.lines = lines }

    /// Draws the lines from the top of `area`.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let body = theme.style(.body)
        for (row, line) in lines.prefix(area.height).enumerated() {
            var x = area.x
            for span in line where x < area.maxX {
                let style = body.patched(with: theme.style(span.role))
                let room = area.maxX - x
                let text =
                    DisplayWidth.of(span.text) > room ? TerminalSanitizer.clamp(span.text, toWidth: room) : span.text
                x += buffer.write(text, x: x, y: area.y + row, style: style, maxWidth: room)
            }
        }
    }
}
