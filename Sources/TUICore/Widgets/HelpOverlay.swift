/// A centred box listing key bindings by section, drawn over the screen.
public struct HelpOverlay: Sendable, Equatable {
    /// One section: a heading and `(keys, help)` lines.
    public struct Section: Sendable, Equatable {
        /// The heading.
        public var title: String
        /// `(keys, what they do)`.
        public var entries: [Entry]

        /// Creates a section.
        /// - Parameters:
        ///   - title: The heading.
        ///   - entries: The entries.
        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    /// One line of the overlay.
    public struct Entry: Sendable, Equatable {
        /// The key label.
        public var keys: String
        /// What the keys do.
        public var help: String

        /// Creates an entry.
        /// - Parameters:
        ///   - keys: The key label.
        ///   - help: What they do.
        public init(keys: String, help: String) {
            self.keys = keys
            self.help = help
        }
    }

    /// The box title.
    public var title: String
    /// The sections.
    public var sections: [Section]

    /// Creates an overlay.
    /// - Parameters:
    ///   - title: The box title.
    ///   - sections: The sections.
    public init(title: String, sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    /// Draws the overlay centred in `area`; lines that do not fit are cut with a `…` line.
    /// - Parameters:
    ///   - buffer: The buffer.
    ///   - area: The area to centre in.
    ///   - theme: The theme.
    public func render(into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        let keyWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
        var lines: [[TextSpan]] = []
        for section in sections {
            if !lines.isEmpty { lines.append([]) }
            lines.append([TextSpan(section.title, role: .title)])
            for entry in section.entries {
                lines.append([
                    TextSpan(TerminalSanitizer.fit(entry.keys, width: keyWidth + 2), role: .key),
                    TextSpan(entry.help, role: .help),
                ])
            }
        }
        let lineWidth = lines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0
        // Flow the lines into as many columns as needed (and as fit) to avoid cutting them.
        let maxRows = max(1, area.height - 2)
        let wanted = (lines.count + maxRows - 1) / maxRows
        let fitting = max(1, (area.width - 2) / (lineWidth + 3))
        let columns = max(1, min(wanted, fitting))
        let rowsPerColumn = (lines.count + columns - 1) / columns
        let box = area.centered(width: columns * (lineWidth + 3) + 1, height: rowsPerColumn + 2)
        guard box.width >= 3, box.height >= 3 else { return }
        let style = theme.style(.body).patched(with: theme.style(.help))
        Block(title: title, focused: true).render(into: &buffer, area: box, theme: theme)
        buffer.overlay(box, style: Style(background: style.background))
        let rows = box.height - 2
        for column in 0..<columns {
            let first = column * rowsPerColumn
            guard first < lines.count else { break }
            var shown = Array(lines[first..<min(lines.count, first + rowsPerColumn)].prefix(rows))
            if column == columns - 1, lines.count > first + rows, !shown.isEmpty {
                shown[shown.count - 1] = [TextSpan("…", role: .muted)]
            }
            let x = box.x + 2 + column * (lineWidth + 3)
            let inner = Rect(x: x, y: box.y + 1, width: min(lineWidth + 1, box.maxX - 1 - x), height: rows)
            Paragraph(shown).render(into: &buffer, area: inner, theme: theme)
        }
        buffer.overlay(box.inset(by: 1), style: Style(background: style.background))
    }
}
