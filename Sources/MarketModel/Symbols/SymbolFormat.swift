/// Alpaca's symbol formats, used to validate what we send and what comes back.
public enum SymbolFormat {
    /// Whether `text` is a stock ticker: 1–5 upper-case letters with an optional `.` class suffix
    /// of 1–2 letters (`AAPL`, `BRK.B`).
    public static func isStock(_ text: some StringProtocol) -> Bool {
        var letters = 0
        var suffix = -1  // letters after the dot, or -1 before any dot
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if suffix >= 0 { suffix += 1 } else { letters += 1 }
            case UInt8(ascii: "."):
                guard suffix < 0 else { return false }
                suffix = 0
            default:
                return false
            }
        }
        return (1...5).contains(letters) && (suffix == -1 || (1...2).contains(suffix))
    }

    /// Whether `text` is an OCC option symbol.
    public static func isOption(_ text: some StringProtocol) -> Bool { OCCSymbol(text) != nil }
}
