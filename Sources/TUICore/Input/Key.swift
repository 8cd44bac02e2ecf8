/// A key press or other input event, independent of the terminal library.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character.
    case char(Character)
    /// A control chord such as Ctrl-L (`ctrl("l")`).
    case ctrl(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Backspace.
    case backspace
    /// Delete.
    case delete
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// A function key, F1–F24.
    case function(Int)
    /// The mouse wheel turned up.
    case mouseWheelUp
    /// The mouse wheel turned down.
    case mouseWheelDown
    /// The terminal was resized.
    case resize

    /// A short label for footers and help: `↑`, `PgDn`, `Enter`, `S-Tab`, `F1`, `C-l`, `q`.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .function(let n): return "F\(n)"
        case .mouseWheelUp: return "Wheel↑"
        case .mouseWheelDown: return "Wheel↓"
        case .resize: return "Resize"
        }
    }
}
