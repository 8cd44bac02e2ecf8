import TUICore

extension KeyMaps {
    /// `docs/keybindings.md`, generated from the key maps (a test fails when the file is stale).
    /// - Returns: The Markdown text.
    public static func markdown() -> String {
        var text = """
            # Key bindings

            Generated from `Sources/DashboardUI/KeyMaps/KeyMaps.swift` by `KeyMaps.markdown()`; do not edit.
            Regenerate with `SNAPSHOT_RECORD=1 swift test --filter KeyMapDocTests`.

            """
        func table(_ title: String, _ bindings: [KeyBinding<Action>]) {
            guard !bindings.isEmpty else { return }
            text += "\n## \(title)\n\n| Keys | Action |\n|---|---|\n"
            for binding in bindings {
                let label = binding.label.split(separator: "|", omittingEmptySubsequences: false).joined(
                    separator: "\\|")
                text += "| `\(label)` | \(binding.help) |\n"
            }
        }
        table("Everywhere", global)
        table("Lists", navigation)
        for panel in Panel.allCases {
            table("\(panel.rawValue) · \(panel.title)", screen(panel))
        }
        text += """

            ## Typing modes

            | Mode | Keys |
            |---|---|
            | Filter (`/`) | characters edit the filter · `Bksp` deletes · `Enter` keeps it · `Esc` clears it |
            | Add symbol (`a`) | characters edit the symbol · `Enter` adds it · `Esc` cancels |

            ## Marks

            | Mark | Meaning |
            |---|---|
            | `▲` / `▼` | price up / down since the previous close |
            | `—` | value not sent by the upstream (never shown as 0) |
            | `no bid` / `no ask` | the upstream sent 0: nobody is quoting that side |
            | `◷` | stale: older than the freshness limit |
            | `✗` | rejected: the rule id and message replace the numbers |
            | `!` | the latest refresh failed; the last good values are shown with their age |
            | `‖` | the stream says trading is halted or paused (its status code is not `T`) |
            | `▶ ◀` | at-the-money strike |

            """
        return text
    }
}
