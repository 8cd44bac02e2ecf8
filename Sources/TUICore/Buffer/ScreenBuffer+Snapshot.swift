extension ScreenBuffer {
    /// The buffer as text: one line per row, each ending in `|` so trailing spaces stay visible.
    public var snapshotText: String { snapshotText(includeStyles: false) }

    /// The buffer as text, optionally followed by a `--- styles` section.
    ///
    /// The style section lists, for every row, each run of cells whose style is not plain:
    /// `y x0-x1 fg=… bg=… bold`.
    /// - Parameter includeStyles: Whether to append the style runs.
    /// - Returns: The snapshot text, ending with a newline.
    public func snapshotText(includeStyles: Bool) -> String {
        var text = ""
        for y in 0..<size.height {
            for x in 0..<size.width where !self[x, y].isContinuation {
                text += self[x, y].grapheme
            }
            text += "|\n"
        }
        guard includeStyles else { return text }
        text += "--- styles\n"
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                let style = self[x, y].style
                var end = x
                while end + 1 < size.width && self[end + 1, y].style == style { end += 1 }
                if style != .plain { text += "\(y) \(x)-\(end) \(style)\n" }
                x = end + 1
            }
        }
        return text
    }
}
