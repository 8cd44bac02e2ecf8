/// An option contract symbol in OCC/OSI form as Alpaca sends it: `ROOT YYMMDD C|P STRIKE×1000`, unpadded.
///
/// Example: `AAPL240126P00050000` is the AAPL 2024-01-26 put at 50.000.
public struct OCCSymbol: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Call or put.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A call option.
        case call
        /// A put option.
        case put
    }

    /// The root symbol (1–6 upper-case letters or digits), usually the underlying.
    public var root: String
    /// The expiration date.
    public var expiration: CalendarDate
    /// Call or put.
    public var kind: Kind
    /// The strike price in thousandths of a dollar (the eight digits of the symbol).
    public var strikeThousandths: Int

    /// Creates a symbol from its parts.
    public init(root: String, expiration: CalendarDate, kind: Kind, strikeThousandths: Int) {
        self.root = root
        self.expiration = expiration
        self.kind = kind
        self.strikeThousandths = strikeThousandths
    }

    /// Parses an OCC symbol; nil unless it matches `^[A-Z0-9]{1,6}\d{6}[CP]\d{8}$` with a real date.
    public init?(_ text: some StringProtocol) {
        // Most text is not a contract (every stock symbol of the stream is asked): the length
        // first, before the bytes are copied.
        guard (16...21).contains(text.utf8.count) else { return nil }
        let b = Array(text.utf8)
        let rootCount = b.count - 15
        for c in b[0..<rootCount] {
            guard (c >= 65 && c <= 90) || (c >= 48 && c <= 57) else { return nil }
        }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let yy = num(rootCount..<(rootCount + 2)), let mm = num((rootCount + 2)..<(rootCount + 4)),
            let dd = num((rootCount + 4)..<(rootCount + 6)), let strike = num((rootCount + 7)..<b.count),
            let date = CalendarDate(year: 2000 + yy, month: mm, day: dd)
        else { return nil }
        let kindByte = b[rootCount + 6]
        guard kindByte == 67 || kindByte == 80 else { return nil }
        self.root = String(decoding: b[0..<rootCount], as: UTF8.self)
        self.expiration = date
        self.kind = kindByte == 67 ? .call : .put
        self.strikeThousandths = strike
    }

    /// The strike in dollars.
    public var strike: Double { Double(strikeThousandths) / 1000 }

    /// The symbol text, for example `AAPL240126P00050000`.
    public var description: String {
        let yy = Timestamp.twoDigits(expiration.year % 100)
        let strikeText = String(strikeThousandths)
        return root + yy + Timestamp.twoDigits(expiration.month) + Timestamp.twoDigits(expiration.day)
            + (kind == .call ? "C" : "P") + String(repeating: "0", count: max(0, 8 - strikeText.count)) + strikeText
    }

    /// Orders by root, expiration, strike, then calls before puts.
    public static func < (lhs: OCCSymbol, rhs: OCCSymbol) -> Bool {
        (lhs.root, lhs.expiration, lhs.strikeThousandths, lhs.kind == .call ? 0 : 1)
            < (rhs.root, rhs.expiration, rhs.strikeThousandths, rhs.kind == .call ? 0 : 1)
    }
}
