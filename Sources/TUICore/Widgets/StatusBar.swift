/// A one-row bar of segments; when it is too narrow, segments with the largest priority drop first.
public struct StatusBar: Sendable, Equatable {
    /// One segment of the bar.
    public struct Segment: Sendable, Equatable {
        /// The text and role.
        public var span: TextSpan
        /// 0 is always kept; larger values drop first.
        public var priority: Int

        /// Creates a segment.
        /// - Parameters:
        ///   - text: The text.
        ///   - role: The role.
        ///   - priority: Drop order.
        public init(_ text: String, role: Theme.Role = .statusBar, priority: Int = 0) {
            self.span = TextSpan(text, role: role)
            self.priority = priority
        }
    }

    /// Segments drawn from the left.
    public var left: [Segment]
    /// Segments drawn flush right.
    public var right: [Segment]

    /// Creates a status bar.
    /// - Parameters:
    ///   - left: Left segments.
    ///   - right: Right segments.
    public init(left: [Segment], right: [Segment] = []) {
        self.left = left
        self.right = right
    }

    /// The segments that fit in `width` (separated by one space), left and right.
    /// - Parameter width: The available width.
    /// - Returns: The kept segments.
    public func fitting(width: Int) -> (left: [Segment], right: [Segment]) {
        var keptLeft = left
        var keptRight = right
        func needed() -> Int {
            (keptLeft + keptRight).reduce(0) { $0 + DisplayWidth.of(TerminalSanitizer.sanitize($1.span.text)) + 1 }
        }
        while needed() > width {
            let all = keptLeft.map(\.priority) + keptRight.map(\.priority)
            guard let worst = all.max(), worst > 0 else { break }
            if let index = keptRight.lastIndex(where: { $0.priority == worst }) {
                keptRight.remove(at: index)
            } else if let index = keptLeft.lastIndex(where: { $0.priority == worst }) {
                keptLeft.remove(at: index)
            }
        }
        return (keptLeft, keptRight)
    }

    /// Draws the bar on the first row of `area`.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let base = theme.style(.body).patched(with: theme.style(.statusBar))
        buffer.fill(area.row(0), style: base)
        let (keptLeft, keptRight) = fitting(width: area.width)
        var x = area.x
        for segment in keptLeft where x < area.maxX {
            x += buffer.write(
                segment.span.text, x: x, y: area.y, style: base.patched(with: theme.style(segment.span.role)),
                maxWidth: area.maxX - x)
            x += 1
        }
        let rightWidth = keptRight.reduce(0) { $0 + DisplayWidth.of(TerminalSanitizer.sanitize($1.span.text)) + 1 }
        var rx = max(x, area.maxX - rightWidth + 1)
        for segment in keptRight where rx < area.maxX {
            rx += buffer.write(
                segment.span.text, x: rx, y: area.y, style: base.patched(with: theme.style(segment.span.role)),
                maxWidth: area.maxX - rx)
            rx += 1
        }
    }
}
