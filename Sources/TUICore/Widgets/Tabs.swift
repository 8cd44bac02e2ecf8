/// A row of numbered tabs with one selected; falls back to short titles when narrow.
public struct Tabs: Sendable, Equatable {
    /// Full titles.
    public var titles: [String]
    /// Short titles for narrow terminals (same count as `titles`).
    public var shortTitles: [String]
    /// The selected tab index.
    public var selected: Int

    /// Creates tabs.
    /// - Parameters:
    ///   - titles: Full titles.
    ///   - shortTitles: Short titles (defaults to the full ones).
    ///   - selected: The selected index.
    public init(titles: [String], shortTitles: [String]? = nil, selected: Int) {
        self.titles = titles
        self.shortTitles = shortTitles ?? titles
        self.selected = selected
    }

    /// The labels that fit in `width`: ` 1 Title ` forms, then short forms, then numbers only.
    /// - Parameter width: The available width.
    /// - Returns: One label per tab.
    public func labels(width: Int) -> [String] {
        let candidates: [[String]] = [
            titles.enumerated().map { " \($0.offset + 1) \($0.element) " },
            shortTitles.enumerated().map { " \($0.offset + 1) \($0.element) " },
            titles.indices.map { " \($0 + 1) " },
        ]
        for labels in candidates where labels.reduce(0, { $0 + DisplayWidth.of($1) }) <= width {
            return labels
        }
        return candidates[2]
    }

    /// Draws the tabs on the first row of `area`.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        let body = theme.style(.body)
        buffer.fill(area.row(0), style: body.patched(with: theme.style(.tab)))
        var x = area.x
        for (index, label) in labels(width: area.width).enumerated() {
            let role: Theme.Role = index == selected ? .tabSelected : .tab
            let text = index == selected ? label.uppercasedFirstTitle() : label
            x += buffer.write(
                text, x: x, y: area.y, style: body.patched(with: theme.style(role)), maxWidth: area.maxX - x)
        }
    }
}

extension String {
    /// The label unchanged; selection is shown by brackets so it reads without colour.
    fileprivate func uppercasedFirstTitle() -> String {
        guard count >= 2 else { return self }
        return "[" + dropFirst().dropLast() + "]"
    }
}
