/// Builds a query string with RFC 3986 percent-encoding; nil values are dropped.
struct QueryItems {
    private(set) var items: [(String, String)] = []

    mutating func add(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append((name, value))
    }

    mutating func add(_ name: String, _ value: Int?) { add(name, value.map(String.init)) }

    mutating func add(_ name: String, _ value: Double?) { add(name, value.map { "\($0)" }) }

    var encoded: String {
        items.map { Self.escape($0.0) + "=" + Self.escape($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes everything but the unreserved characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 15)]))
            }
        }
        return out
    }
}
