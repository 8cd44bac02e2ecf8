import MarketModel

extension Timestamp {
    /// RFC-3339 in UTC with exactly nine fraction digits, as Alpaca writes inside page tokens.
    var rfc3339NineDigits: String {
        var text = Timestamp(seconds: wholeSeconds).rfc3339
        text.removeLast()
        let nanos = String(nanoseconds - wholeSeconds * 1_000_000_000)
        return text + "." + String(repeating: "0", count: 9 - nanos.count) + nanos + "Z"
    }
}
