/// Reads MessagePack values one after another from a byte buffer, without building a tree.
///
/// Every length is checked against the bytes left before anything is allocated, so a header that
/// claims four billion elements in a five-byte frame is an error, not an allocation; nesting is
/// skipped to at most ``maximumDepth`` levels. Nothing here traps on any input.
public struct MessagePackReader: Sendable {
    /// The deepest nesting ``skipValue()`` follows.
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    /// The offset of the next unread byte.
    public private(set) var offset: Int

    /// Creates a reader at the start of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
    }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset >= bytes.count }

    /// Moves back to an offset already read (to skip a value read with the wrong expectation).
    public mutating func rewind(to earlier: Int) throws(MessagePackError) {
        guard (0...offset).contains(earlier) else { throw fail("rewind past the start") }
        offset = earlier
    }

    /// Bytes not read yet.
    public var remaining: Int { bytes.count - offset }

    private func fail(_ message: String) -> MessagePackError { MessagePackError(offset: offset, message: message) }

    private mutating func byte() throws(MessagePackError) -> UInt8 {
        guard offset < bytes.count else { throw fail("truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func bigEndian(_ count: Int) throws(MessagePackError) -> UInt64 {
        guard count <= remaining else { throw fail("truncated") }
        var value: UInt64 = 0
        for index in offset..<offset + count { value = value << 8 | UInt64(bytes[index]) }
        offset += count
        return value
    }

    /// A length read from the buffer, refused when more than `perElement × length` bytes would be
    /// needed than are left.
    private mutating func length(_ count: Int, perElement: Int) throws(MessagePackError) -> Int {
        let value = try bigEndian(count)
        guard value <= UInt64(remaining / max(1, perElement)) else { throw fail("length \(value) exceeds the frame") }
        return Int(value)
    }

    /// The kind of the next value, without consuming it.
    public func peekKind() throws(MessagePackError) -> MessagePackKind {
        guard offset < bytes.count else { throw fail("truncated") }
        switch bytes[offset] {
        case 0x00...0x7f, 0xe0...0xff, 0xcc...0xd3: return .integer
        case 0x80...0x8f, 0xde, 0xdf: return .map
        case 0x90...0x9f, 0xdc, 0xdd: return .array
        case 0xa0...0xbf, 0xd9...0xdb: return .string
        case 0xc0: return .null
        case 0xc2, 0xc3: return .bool
        case 0xc4...0xc6: return .binary
        case 0xc7...0xc9, 0xd4...0xd8: return .ext
        case 0xca, 0xcb: return .float
        default: return .invalid
        }
    }

    /// Consumes a `nil` if one is next.
    /// - Returns: Whether it did.
    public mutating func readNil() -> Bool {
        guard offset < bytes.count, bytes[offset] == 0xc0 else { return false }
        offset += 1
        return true
    }

    /// An array header's element count.
    public mutating func readArrayCount() throws(MessagePackError) -> Int {
        let lead = try byte()
        switch lead {
        case 0x90...0x9f: return Int(lead & 0x0f)
        case 0xdc: return try length(2, perElement: 1)
        case 0xdd: return try length(4, perElement: 1)
        default:
            offset -= 1
            throw fail("expected an array")
        }
    }

    /// A map header's pair count.
    public mutating func readMapCount() throws(MessagePackError) -> Int {
        let lead = try byte()
        switch lead {
        case 0x80...0x8f: return Int(lead & 0x0f)
        case 0xde: return try length(2, perElement: 2)
        case 0xdf: return try length(4, perElement: 2)
        default:
            offset -= 1
            throw fail("expected a map")
        }
    }

    /// A string (invalid UTF-8 is repaired with U+FFFD, as any upstream text is sanitised later).
    public mutating func readString() throws(MessagePackError) -> String {
        let count = try stringHeader()
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// A string header's byte count, checked against the bytes left; the bytes follow.
    private mutating func stringHeader() throws(MessagePackError) -> Int {
        let lead = try byte()
        let count: Int
        switch lead {
        case 0xa0...0xbf: count = Int(lead & 0x1f)
        case 0xd9: count = try length(1, perElement: 1)
        case 0xda: count = try length(2, perElement: 1)
        case 0xdb: count = try length(4, perElement: 1)
        default:
            offset -= 1
            throw fail("expected a string")
        }
        guard count <= remaining else { throw fail("truncated") }
        return count
    }

    /// A string of at most 8 bytes as a code (its bytes in a `UInt64`, first byte lowest), for
    /// switching on map keys without making a `String`; 0 for a longer string (still consumed).
    public mutating func readKeyCode() throws(MessagePackError) -> UInt64 {
        let count = try stringHeader()
        defer { offset += count }
        guard count <= 8 else { return 0 }
        var code: UInt64 = 0
        for index in 0..<count { code |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return code
    }

    /// The code ``readKeyCode()`` gives for `text` (at most 8 bytes).
    public static func keyCode(_ text: String) -> UInt64 {
        var code: UInt64 = 0
        for (index, byte) in text.utf8.prefix(8).enumerated() { code |= UInt64(byte) << (8 * UInt64(index)) }
        return code
    }

    /// An integer that fits in `Int64`.
    public mutating func readInt64() throws(MessagePackError) -> Int64 {
        let lead = try byte()
        switch lead {
        case 0x00...0x7f: return Int64(lead)
        case 0xe0...0xff: return Int64(Int8(bitPattern: lead))
        case 0xcc: return Int64(try bigEndian(1))
        case 0xcd: return Int64(try bigEndian(2))
        case 0xce: return Int64(try bigEndian(4))
        case 0xcf:
            let value = try bigEndian(8)
            guard value <= UInt64(Int64.max) else { throw fail("integer beyond Int64") }
            return Int64(value)
        case 0xd0: return Int64(Int8(truncatingIfNeeded: try bigEndian(1)))
        case 0xd1: return Int64(Int16(truncatingIfNeeded: try bigEndian(2)))
        case 0xd2: return Int64(Int32(truncatingIfNeeded: try bigEndian(4)))
        case 0xd3: return Int64(bitPattern: try bigEndian(8))
        default:
            offset -= 1
            throw fail("expected an integer")
        }
    }

    /// A number: a float of either width, or an integer converted exactly where it can be.
    public mutating func readDouble() throws(MessagePackError) -> Double {
        guard offset < bytes.count else { throw fail("truncated") }
        switch bytes[offset] {
        case 0xca:
            offset += 1
            return Double(Float(bitPattern: UInt32(truncatingIfNeeded: try bigEndian(4))))
        case 0xcb:
            offset += 1
            return Double(bitPattern: try bigEndian(8))
        case 0xcf:
            offset += 1
            return Double(try bigEndian(8))
        default:
            return Double(try readInt64())
        }
    }

    /// A boolean.
    public mutating func readBool() throws(MessagePackError) -> Bool {
        switch try byte() {
        case 0xc2: return false
        case 0xc3: return true
        default:
            offset -= 1
            throw fail("expected a boolean")
        }
    }

    /// An extension value's type and bytes.
    public mutating func readExtension() throws(MessagePackError) -> (type: Int8, data: ArraySlice<UInt8>) {
        let lead = try byte()
        let count: Int
        switch lead {
        case 0xd4: count = 1
        case 0xd5: count = 2
        case 0xd6: count = 4
        case 0xd7: count = 8
        case 0xd8: count = 16
        case 0xc7: count = try length(1, perElement: 1)
        case 0xc8: count = try length(2, perElement: 1)
        case 0xc9: count = try length(4, perElement: 1)
        default:
            offset -= 1
            throw fail("expected an extension")
        }
        let type = Int8(bitPattern: try byte())
        guard count <= remaining else { throw fail("truncated") }
        defer { offset += count }
        return (type, bytes[offset..<offset + count])
    }

    /// A MessagePack timestamp (extension type -1, in its 32-, 64- or 96-bit form).
    /// - Returns: Seconds since 1970 and the nanoseconds within that second (0…999 999 999).
    public mutating func readTimestamp() throws(MessagePackError) -> (seconds: Int64, nanoseconds: Int64) {
        let start = offset
        let (type, data) = try readExtension()
        guard type == -1 else {
            offset = start
            throw fail("expected a timestamp, found extension type \(type)")
        }
        func word(_ slice: ArraySlice<UInt8>) -> UInt64 { slice.reduce(0) { $0 << 8 | UInt64($1) } }
        let base = data.startIndex
        let seconds: Int64
        let nanoseconds: Int64
        switch data.count {
        case 4:
            seconds = Int64(word(data))
            nanoseconds = 0
        case 8:
            let value = word(data)
            nanoseconds = Int64(value >> 34)
            seconds = Int64(value & 0x3_ffff_ffff)
        case 12:
            nanoseconds = Int64(word(data[base..<base + 4]))
            seconds = Int64(bitPattern: word(data[(base + 4)...]))
        default:
            offset = start
            throw fail("a timestamp of \(data.count) bytes")
        }
        guard nanoseconds < 1_000_000_000 else {
            offset = start
            throw fail("timestamp nanoseconds \(nanoseconds) out of range")
        }
        return (seconds, nanoseconds)
    }

    /// Skips one value of any kind, containers included, to at most ``maximumDepth`` levels.
    public mutating func skipValue() throws(MessagePackError) {
        // Values still to skip at each open level; iterative, so depth costs no stack.
        var pending = 1
        var stack: [Int] = []
        while pending > 0 || !stack.isEmpty {
            if pending == 0 {
                pending = stack.removeLast()
                continue
            }
            pending -= 1
            var nested = 0
            switch try peekKind() {
            case .array: nested = try readArrayCount()
            case .map:
                let pairs = try readMapCount()
                nested = pairs * 2
            case .string: _ = try readString()
            case .integer: _ = try readInt64OrUnsigned()
            case .float: _ = try readDouble()
            case .bool: _ = try readBool()
            case .null: offset += 1
            case .binary: try skipBinary()
            case .ext: _ = try readExtension()
            case .invalid: throw fail("the byte 0xc1")
            }
            if nested > 0 {
                guard stack.count < Self.maximumDepth else { throw fail("nested deeper than \(Self.maximumDepth)") }
                stack.append(pending)
                pending = nested
            }
        }
    }

    private mutating func readInt64OrUnsigned() throws(MessagePackError) -> UInt64 {
        if offset < bytes.count, bytes[offset] == 0xcf {
            offset += 1
            return try bigEndian(8)
        }
        return UInt64(bitPattern: try readInt64())
    }

    private mutating func skipBinary() throws(MessagePackError) {
        let lead = try byte()
        let count: Int
        switch lead {
        case 0xc4: count = try length(1, perElement: 1)
        case 0xc5: count = try length(2, perElement: 1)
        default: count = try length(4, perElement: 1)
        }
        guard count <= remaining else { throw fail("truncated") }
        offset += count
    }
}
