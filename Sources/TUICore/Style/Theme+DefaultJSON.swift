extension Theme {
    /// The JSON of the compiled-in default theme; `themes/default.json` holds the same text.
    public static let defaultJSON = #"""
        {
          "name": "default",
          "palette": {
            "bg": "default",
            "fg": "#d0d0d0",
            "dim": "#6c7086",
            "green": "#50fa7b",
            "red": "#ff5555",
            "amber": "#f1fa8c",
            "cyan": "#8be9fd",
            "purple": "#bd93f9",
            "orange": "#ffb86c",
            "panel": "#303446",
            "itm": "#2a2d3a",
            "black": "#1e1e2e"
          },
          "roles": {
            "body": { "fg": "fg", "bg": "bg" },
            "muted": { "fg": "dim" },
            "border": { "fg": "dim" },
            "border.focused": { "fg": "green", "bold": true },
            "title": { "fg": "cyan", "bold": true },
            "table.header": { "fg": "fg", "bold": true, "underline": true },
            "table.selected": { "reverse": true },
            "price.up": { "fg": "green" },
            "price.down": { "fg": "red" },
            "price.unchanged": { "fg": "fg" },
            "value.missing": { "fg": "dim" },
            "quality.warn": { "fg": "amber" },
            "quality.error": { "fg": "red", "bold": true },
            "quality.good": { "fg": "green" },
            "cache.stale": { "fg": "dim", "italic": true },
            "status.simulated": { "fg": "black", "bg": "orange", "bold": true },
            "status.live": { "fg": "black", "bg": "green", "bold": true },
            "status.error": { "fg": "red", "bold": true, "reverse": true },
            "status.bar": { "fg": "fg", "bg": "panel" },
            "tab.selected": { "fg": "black", "bg": "cyan", "bold": true },
            "tab": { "fg": "dim" },
            "key": { "fg": "purple", "bold": true },
            "sparkline": { "fg": "cyan" },
            "chain.itm": { "bg": "itm" },
            "chain.atm": { "fg": "amber", "bold": true },
            "chain.strike": { "fg": "fg", "bold": true },
            "price.ticked": { "bold": true, "reverse": true },
            "help": { "fg": "fg", "bg": "panel" }
          }
        }
        """#
}
