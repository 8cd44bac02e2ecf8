import MarketModel
import TUICore

/// The bottom line: key hints, the filter or add-symbol prompt, or a notice.
enum Footer {
    /// Draws the footer.
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, theme: Theme) {
        var spans: [TextSpan] = []
        switch state.inputMode {
        case .filter:
            spans = [
                TextSpan("Filter: ", role: .key), TextSpan(state.filter + "▏"),
                TextSpan("  Enter keep · Esc clear", role: .muted),
            ]
        case .addSymbol(let text):
            spans = [
                TextSpan("Add symbol: ", role: .key), TextSpan(text + "▏"),
                TextSpan("  Enter add · Esc cancel", role: .muted),
            ]
        case .deltaTarget(let text):
            spans = [
                TextSpan("Jump to \(state.chainSide == .call ? "call" : "put") delta: ", role: .key),
                TextSpan(text + "▏"), TextSpan("  e.g. 0.30 · Enter jump · Esc cancel", role: .muted),
            ]
        case .normal:
            if let notice = state.notice {
                spans.append(TextSpan(notice + "  ", role: .qualityWarn))
            } else if !state.filter.isEmpty {
                spans.append(TextSpan("filter: " + state.filter + "  ", role: .qualityWarn))
            }
            for binding in KeyMaps.global + KeyMaps.screen(state.panel) + KeyMaps.navigation where binding.showInFooter
            {
                spans.append(TextSpan(binding.label, role: .key))
                spans.append(TextSpan(" " + binding.help + "  ", role: .muted))
            }
        }
        Paragraph([spans]).render(into: &buffer, area: area, theme: theme)
    }
}
