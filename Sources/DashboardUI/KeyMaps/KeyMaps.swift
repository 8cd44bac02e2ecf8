public import TUICore

/// The key maps of every screen, as data: they drive dispatch, the footer, the help overlay and
/// `docs/keybindings.md`.
public enum KeyMaps {
    /// Moving the selection; shared by every list.
    public static let navigation: [KeyBinding<Action>] = [
        KeyBinding(keys: [.up, .char("k"), .mouseWheelUp], action: .moveUp, help: "move up", label: "↑/k"),
        KeyBinding(
            keys: [.down, .char("j"), .mouseWheelDown], action: .moveDown, help: "move down", showInFooter: true,
            label: "↓/j"),
        KeyBinding(keys: [.pageUp], action: .pageUp, help: "page up"),
        KeyBinding(keys: [.pageDown], action: .pageDown, help: "page down"),
        KeyBinding(keys: [.char("g"), .home], action: .top, help: "first row"),
        KeyBinding(keys: [.char("G"), .end], action: .bottom, help: "last row"),
    ]

    /// Keys that work on every screen.
    public static let global: [KeyBinding<Action>] = [
        KeyBinding(keys: [.tab], action: .nextPanel, help: "next panel"),
        KeyBinding(keys: [.backTab], action: .previousPanel, help: "previous panel"),
        KeyBinding(
            keys: Panel.allCases.map { .char(Character(String($0.rawValue))) }, action: .showPanel(.watchlist),
            help: "show panel 1–6", label: "1–6"),
        KeyBinding(keys: [.escape, .backspace], action: .back, help: "back / clear filter"),
        KeyBinding(keys: [.char("+")], action: .longerRefreshInterval, help: "longer refresh interval"),
        KeyBinding(keys: [.char("-")], action: .shorterRefreshInterval, help: "shorter refresh interval"),
        KeyBinding(keys: [.char("p")], action: .togglePause, help: "pause / resume refresh"),
        KeyBinding(keys: [.char("r")], action: .refreshNow, help: "refresh now, skip cache"),
        KeyBinding(keys: [.ctrl("l")], action: .redraw, help: "repaint the screen"),
        KeyBinding(keys: [.char("?")], action: .toggleHelp, help: "help", showInFooter: true),
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, help: "quit", showInFooter: true, label: "q"),
    ]

    /// The keys specific to a panel.
    /// - Parameter panel: The panel.
    /// - Returns: Its bindings.
    public static func screen(_ panel: Panel) -> [KeyBinding<Action>] {
        switch panel {
        case .watchlist:
            return [
                KeyBinding(keys: [.enter], action: .drillDown, help: "open option chain", showInFooter: true),
                KeyBinding(keys: [.char("/")], action: .beginFilter, help: "filter symbols", showInFooter: true),
                KeyBinding(keys: [.char("s")], action: .cycleSort, help: "sort by next column", showInFooter: true),
                KeyBinding(keys: [.char("a")], action: .addSymbol, help: "add a symbol", showInFooter: true),
                KeyBinding(keys: [.char("d")], action: .removeSymbol, help: "remove selected symbol"),
                KeyBinding(keys: [.char("c")], action: .openChart, help: "candle chart of the selected symbol"),
                KeyBinding(
                    keys: [.char("w")], action: .showAlpacaWatchlists, help: "open one of your Alpaca watchlists"),
                KeyBinding(keys: [.char("t")], action: .nextTimeframe, help: "chart: next timeframe"),
                KeyBinding(keys: [.char("T")], action: .previousTimeframe, help: "chart: previous timeframe"),
            ]
        case .optionChain:
            return [
                KeyBinding(keys: [.enter], action: .drillDown, help: "open contract", showInFooter: true),
                KeyBinding(keys: [.char("[")], action: .previousExpiry, help: "previous expiry", showInFooter: true),
                KeyBinding(keys: [.char("]")], action: .nextExpiry, help: "next expiry", showInFooter: true),
                KeyBinding(keys: [.left, .char("h")], action: .selectCalls, help: "select calls", label: "←/h"),
                KeyBinding(keys: [.right, .char("l")], action: .selectPuts, help: "select puts", label: "→/l"),
                KeyBinding(
                    keys: [.char("D")], action: .jumpToDelta, help: "jump to the strike nearest a delta (0.30)",
                    showInFooter: true),
                KeyBinding(keys: [.char("c")], action: .openChart, help: "candle chart of the underlying"),
            ]
        case .quality:
            return [
                KeyBinding(keys: [.char("/")], action: .beginFilter, help: "filter symbols", showInFooter: true),
                KeyBinding(keys: [.char("s")], action: .cycleSort, help: "sort by symbol / score", showInFooter: true),
            ]
        case .validation:
            return [
                KeyBinding(
                    keys: [.char("/")], action: .beginFilter, help: "filter rule/symbol/text",
                    showInFooter: true)
            ]
        case .portfolio:
            return [
                KeyBinding(
                    keys: [.enter], action: .drillDown, help: "open the position's option chain", showInFooter: true),
                KeyBinding(keys: [.char("s")], action: .cycleSort, help: "sort positions", showInFooter: true),
                KeyBinding(keys: [.char("c")], action: .openChart, help: "candle chart of the position's stock"),
            ]
        case .cache, .upstream:
            return []
        }
    }

    /// Every binding active on a panel: its own first, then navigation, then global.
    /// - Parameter panel: The panel.
    /// - Returns: The bindings in lookup order.
    public static func bindings(for panel: Panel) -> [KeyBinding<Action>] {
        screen(panel) + navigation + global
    }

    /// The action a key triggers on a panel, if any (number keys map to their panel).
    /// - Parameters:
    ///   - key: The key.
    ///   - panel: The panel on screen.
    /// - Returns: The action.
    public static func action(for key: Key, on panel: Panel) -> Action? {
        if case .char(let c) = key, let n = c.wholeNumberValue, let target = Panel(rawValue: n) {
            return .showPanel(target)
        }
        return bindings(for: panel).first { $0.keys.contains(key) }?.action
    }
}
