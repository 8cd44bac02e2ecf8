/// Alpaca's symbol formats, used to validate what we send and what comes back.
public enum SymbolFormat {
    /// Whether `text` is a stock ticker: 1–5 upper-case letters with an optional `.` class suffix
    /// of 1–2 letters (`AAPL`, `BRK.B`).
    public static func isStock(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        guard isUpperLetters(parts[0], max: 5) else { return false }
        return parts.count == 1 || isUpperLetters(parts[1], max: 2)
    }

    /// Whether `text` is an OCC option symbol.
    public static func isOption(_ text: some StringProtocol) -> Bool { OCCSymbol(text) != nil }

    private static func isUpperLetters(_ s: some StringProtocol, max: Int) -> Bool {
        !s.isEmpty && s.utf8.count <= max && s.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }
}
