/// Alpaca's symbol formats, used to validate what we send and what comes back.
public enum SymbolFormat {
    /// The longest stock symbol accepted.
    public static let maximumStockLength = 20

    /// Whether `text` can be a stock symbol Alpaca lists.
    ///
    /// An upper-case letter, then upper-case letters and digits, then up to two `.`-separated
    /// suffixes of letters and digits (`AAPL`, `BRK.B`, `GOOGL`, `INVALID`, a preferred such as
    /// `BAC.PR.L`), at most 20 characters. A well-formed symbol Alpaca does not know is sent and
    /// comes back `null` (DATA_UNAVAILABLE). Refused before sending is only what would make Alpaca
    /// reject the whole multi-symbol request: lower case, spaces, punctuation other than `.`, empty
    /// segments, crypto pairs (`BTC/USD`, another endpoint) and OCC option symbols.
    @inlinable
    public static func isStock(_ text: some StringProtocol) -> Bool {
        var count = 0
        var dots = 0
        var segment = 0  // characters in the current segment
        for byte in text.utf8 {
            count += 1
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                segment += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard count > 1 else { return false }
                segment += 1
            case UInt8(ascii: "."):
                guard segment > 0, dots < 2 else { return false }
                dots += 1
                segment = 0
            default:
                return false
            }
        }
        // An OCC option symbol is letters and digits too; it is never a stock.
        return segment > 0 && count <= maximumStockLength && (count < 15 || OCCSymbol(text) == nil)
    }

    /// Whether `text` is an OCC option symbol.
    public static func isOption(_ text: some StringProtocol) -> Bool { OCCSymbol(text) != nil }
}
