/// Validates JSON text and builds the token tape of a `JSONDocument`.
struct JSONParser {
    /// The text, read through a pointer: no bounds-checked array access per byte.
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// The tape, in memory the document takes over when parsing succeeds (no copy).
    var tokens: UnsafeMutablePointer<JSONDocument.Token>
    var capacity: Int
    var count = 0
    var depth = 0

    /// The most tokens a text of `byteCount` bytes may produce: one per four bytes.
    ///
    /// Minified Alpaca bodies run 5.5–9 bytes a token, so no real body comes near it, while a
    /// hostile body of tiny values (`[0,0,0,…]`, two bytes a token) is refused instead of costing
    /// eight times its size. With 16-byte tokens the tape never exceeds four times the text.
    static func tokenLimit(byteCount: Int) -> Int { byteCount / 4 + 16 }

    /// The largest text accepted: token offsets are 32-bit.
    static let maximumByteCount = Int(Int32.max)

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Reserved once and never grown: pages of a large block are only made resident when a
        // token is written to them, so the reservation costs nothing the parse does not use.
        capacity = Self.tokenLimit(byteCount: min(bytes.count, Self.maximumByteCount))
        tokens = .allocate(capacity: capacity)
    }

    /// Parses the whole text.
    /// - Returns: The tape; the caller owns it and must deallocate it.
    /// - Throws: `JSONError` (the tape is freed then).
    mutating func parseDocument() throws(JSONError) -> UnsafeMutableBufferPointer<JSONDocument.Token> {
        do throws(JSONError) {
            guard bytes.count <= Self.maximumByteCount else { throw fail("text larger than 2 GiB") }
            skipWhitespace()
            try parseValue()
            skipWhitespace()
            guard position == bytes.count else { throw fail("trailing characters") }
        } catch {
            tokens.deallocate()
            throw error
        }
        return UnsafeMutableBufferPointer(start: tokens, count: count)
    }

    private func fail(_ message: String) -> JSONError { JSONError(offset: position, message: message) }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONError) {
        guard position < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseObject()
        case UInt8(ascii: "["): try parseArray()
        case UInt8(ascii: "\""): try parseString()
        case UInt8(ascii: "t"): try parseLiteral("true", .trueValue)
        case UInt8(ascii: "f"): try parseLiteral("false", .falseValue)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        default: throw fail("unexpected character")
        }
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: JSONDocument.Kind) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw fail("invalid literal") }
        let ok = word.withUTF8Buffer { w in
            for i in 0..<count where bytes[position + i] != w[i] { return false }
            return true
        }
        guard ok else { throw fail("invalid literal") }
        let start = position
        position += count
        try append(kind, start, position)
    }

    private mutating func append(
        _ kind: JSONDocument.Kind, _ start: Int, _ end: Int, escaped: Bool = false
    ) throws(JSONError) {
        guard count < capacity else { throw fail("more than one value per four bytes") }
        (tokens + count).initialize(
            to: JSONDocument.Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end),
                next: Int32(truncatingIfNeeded: count + 1), kind: kind, escaped: escaped))
        count += 1
    }

    private mutating func parseObject() throws(JSONError) {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        let index = count
        try append(.object, position, position)
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw fail("expected a key")
                }
                try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                position += 1
                skipWhitespace()
                try parseValue()
                skipWhitespace()
                guard position < bytes.count else { throw fail("unterminated object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                position += 1
                break
            }
        }
        tokens[index].end = Int32(truncatingIfNeeded: position)
        tokens[index].next = Int32(truncatingIfNeeded: count)
        depth -= 1
    }

    private mutating func parseArray() throws(JSONError) {
        depth += 1
        guard depth < 512 else { throw fail("nesting too deep") }
        let index = count
        try append(.array, position, position)
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                skipWhitespace()
                try parseValue()
                skipWhitespace()
                guard position < bytes.count else { throw fail("unterminated array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                position += 1
                break
            }
        }
        tokens[index].end = Int32(truncatingIfNeeded: position)
        tokens[index].next = Int32(truncatingIfNeeded: count)
        depth -= 1
    }

    private mutating func parseString() throws(JSONError) {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            let c = bytes[position]
            if c == UInt8(ascii: "\"") {
                try append(.string, start, position, escaped: escaped)
                position += 1
                return
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    position += 1
                case UInt8(ascii: "u"):
                    guard position + 4 < bytes.count else { throw fail("bad \\u escape") }
                    for i in 1...4 where JSONValue.hexValue(bytes[position + i]) == nil {
                        throw fail("bad \\u escape")
                    }
                    position += 5
                default:
                    throw fail("bad escape")
                }
                continue
            }
            guard c >= 0x20 else { throw fail("control character in string") }
            position += 1
        }
        throw fail("unterminated string")
    }

    private mutating func parseNumber() throws(JSONError) {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw fail("bad number") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(bytes[position]) {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        } else {
            throw fail("bad number")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("bad fraction") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw fail("bad exponent") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        try append(.number, start, position)
    }

    @inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
}
