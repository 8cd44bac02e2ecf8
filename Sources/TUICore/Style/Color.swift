/// A terminal colour: the terminal's default, one of the 16 ANSI colours, a 256-palette index, or RGB.
public enum Color: Sendable, Hashable, CustomStringConvertible {
    /// The terminal's own foreground or background colour.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An index into the 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The names of the 16 ANSI colours, in index order.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue", "brightmagenta", "brightcyan",
        "brightwhite",
    ]

    /// Parses `default`, an ANSI name (`red`, `brightred`), `colorN` (0–255) or `#rrggbb`.
    /// - Parameter text: The colour's spelling in a theme file.
    public init?(parsing text: String) {
        let lower = text.lowercased()
        if lower == "default" || lower == "none" {
            self = .default
        } else if let index = Self.ansiNames.firstIndex(of: lower) {
            self = .ansi(UInt8(index))
        } else if lower.hasPrefix("color"), let n = UInt8(lower.dropFirst(5)) {
            self = .indexed(n)
        } else if lower.hasPrefix("#"), lower.count == 7, let v = UInt32(lower.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        } else {
            return nil
        }
    }

    /// The spelling used in theme files and snapshot style sections.
    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let n): return n < 16 ? Self.ansiNames[Int(n)] : "color\(n)"
        case .indexed(let n): return "color\(n)"
        case .rgb(let r, let g, let b):
            return "#"
                + [r, g, b].map { byte in
                    let hex = String(byte, radix: 16)
                    return byte < 16 ? "0" + hex : hex
                }.joined()
        }
    }
}
