/// A bordered box with a title; content goes in `inner(_:)`.
public struct Block: Sendable, Equatable {
    /// The title shown in the top border (sanitized and clamped when drawn).
    public var title: String
    /// Whether the block has focus (drawn with `border.focused`).
    public var focused: Bool

    /// Creates a block.
    /// - Parameters:
    ///   - title: The title.
    ///   - focused: Whether it has focus.
    public init(title: String = "", focused: Bool = false) {
        self.title = title
        self.focused = focused
    }

    /// The area inside the border (the whole area when it is too small for a border).
    /// - Parameter area: The block's area.
    /// - Returns: The content area.
    public func inner(_ area: Rect) -> Rect {
        area.width >= 3 && area.height >= 3 ? area.inset(by: 1) : area
    }

    /// Draws the border and title.
    /// - Parameters:
    ///   - buffer: The buffer to draw into.
    ///   - area: The block's area.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let body = theme.style(.body)
        buffer.fill(area, style: body)
        guard area.width >= 3 && area.height >= 3 else { return }
        let border = body.patched(with: theme.style(focused ? .borderFocused : .border))
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.write("┌" + horizontal + "┐", x: area.x, y: area.y, style: border)
        buffer.write("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: border)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.write("│", x: area.x, y: y, style: border)
            buffer.write("│", x: area.maxX - 1, y: y, style: border)
        }
        guard !title.isEmpty, area.width >= 6 else { return }
        let text = TerminalSanitizer.clamp(title, toWidth: area.width - 4)
        buffer.write(" " + text + " ", x: area.x + 1, y: area.y, style: body.patched(with: theme.style(.title)))
    }
}
