import TUICore

/// The help overlay built from the key maps.
enum HelpContent {
    /// The overlay for a panel: its own keys, list keys, global keys.
    static func overlay(for panel: Panel) -> HelpOverlay {
        func entries(_ bindings: [KeyBinding<Action>]) -> [HelpOverlay.Entry] {
            bindings.map { HelpOverlay.Entry(keys: $0.label, help: $0.help) }
        }
        var sections: [HelpOverlay.Section] = []
        let own = KeyMaps.screen(panel)
        if !own.isEmpty { sections.append(HelpOverlay.Section(title: panel.title, entries: entries(own))) }
        sections.append(HelpOverlay.Section(title: "Lists", entries: entries(KeyMaps.navigation)))
        sections.append(HelpOverlay.Section(title: "Everywhere", entries: entries(KeyMaps.global)))
        sections.append(
            HelpOverlay.Section(
                title: "Marks",
                entries: [
                    HelpOverlay.Entry(keys: "▲ ▼", help: "up/down vs previous close"),
                    HelpOverlay.Entry(keys: "—", help: "not sent by upstream"),
                    HelpOverlay.Entry(keys: "◷", help: "stale"),
                    HelpOverlay.Entry(keys: "✗ !", help: "rejected / refresh failed"),
                    HelpOverlay.Entry(keys: "‖", help: "trading halted or paused"),
                ] + (panel == .optionChain ? chainMarks : [])))
        return HelpOverlay(title: "Help — ? or Esc closes", sections: sections)
    }

    /// The option chain's strike marks, readable without colour.
    static let chainMarks = [
        HelpOverlay.Entry(keys: "▶K◀", help: "at the money"),
        HelpOverlay.Entry(keys: "◂K", help: "calls in the money"),
        HelpOverlay.Entry(keys: "K▸", help: "puts in the money"),
    ]
}
