internal import CNCurses
public import TUICore

/// Turns `wget_wch` results into `Key` values.
///
/// Pure apart from reading the key-code constants of the ncurses headers.
public enum KeyDecoder {
    /// What `wget_wch` produced.
    public enum Input: Sendable, Hashable {
        /// A character (`wget_wch` returned `OK`).
        case character(UInt32)
        /// A function-key code (`wget_wch` returned `KEY_CODE_YES`).
        case keyCode(Int32)
    }

    /// ncurses key codes, read from the library's headers (never hand-copied).
    public enum Code {
        /// Arrow up.
        public static let up = Int32(KEY_UP)
        /// Arrow down.
        public static let down = Int32(KEY_DOWN)
        /// Arrow left.
        public static let left = Int32(KEY_LEFT)
        /// Arrow right.
        public static let right = Int32(KEY_RIGHT)
        /// Page up.
        public static let pageUp = Int32(KEY_PPAGE)
        /// Page down.
        public static let pageDown = Int32(KEY_NPAGE)
        /// Home.
        public static let home = Int32(KEY_HOME)
        /// End.
        public static let end = Int32(KEY_END)
        /// Keypad Enter.
        public static let enter = Int32(KEY_ENTER)
        /// Backspace.
        public static let backspace = Int32(KEY_BACKSPACE)
        /// Delete.
        public static let delete = Int32(KEY_DC)
        /// Shift-Tab.
        public static let backTab = Int32(KEY_BTAB)
        /// The terminal was resized.
        public static let resize = Int32(cn_key_resize())
        /// A mouse event is waiting (`getmouse`).
        public static let mouse = Int32(cn_key_mouse())
        /// F0; F*n* is `f0 + n`.
        public static let f0 = Int32(cn_key_f0())
    }

    /// The key for an input; nil for codes the dashboard does not use (and for mouse events,
    /// which need `getmouse`).
    /// - Parameter input: What `wget_wch` produced.
    /// - Returns: The key.
    public static func decode(_ input: Input) -> Key? {
        switch input {
        case .character(let value): return character(value)
        case .keyCode(let code): return keyCode(code)
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            return .ctrl(Character(Unicode.Scalar(UInt8(value + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value), !TerminalSanitizer.isUnsafe(scalar) else { return nil }
            return .char(Character(scalar))
        }
    }

    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case Code.up: return .up
        case Code.down: return .down
        case Code.left: return .left
        case Code.right: return .right
        case Code.pageUp: return .pageUp
        case Code.pageDown: return .pageDown
        case Code.home: return .home
        case Code.end: return .end
        case Code.enter: return .enter
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.backTab: return .backTab
        case Code.resize: return .resize
        case (Code.f0 + 1)...(Code.f0 + 24): return .function(Int(code - Code.f0))
        default: return nil
        }
    }
}
