/// Where the user is in the drill-down, such as `Watchlist › AAPL chain › AAPL240126C00150000`.
public struct Breadcrumbs: Sendable, Equatable {
    /// The separator between crumbs.
    public static let separator = " › "

    /// The crumbs, outermost first.
    public var items: [String]

    /// Creates breadcrumbs.
    /// - Parameter items: The crumbs, outermost first.
    public init(_ items: [String]) { self.items = items }

    /// The crumbs joined, dropping the outermost ones (shown as `…`) until they fit.
    /// - Parameter width: The available width.
    /// - Returns: Sanitized text no wider than `width`.
    public func text(width: Int) -> String {
        var shown = items.map { TerminalSanitizer.sanitize($0) }
        var dropped = false
        while shown.count > 1 {
            let text = (dropped ? ["…"] : []) + shown
            let joined = text.joined(separator: Self.separator)
            if DisplayWidth.of(joined) <= width { return joined }
            shown.removeFirst()
            dropped = true
        }
        let text = ((dropped ? ["…"] : []) + shown).joined(separator: Self.separator)
        return TerminalSanitizer.clamp(text, toWidth: width)
    }

    /// Draws the crumbs on the first row of `area`.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.write(text(width: area.width), x: area.x, y: area.y, style: theme.style(.title))
    }
}
