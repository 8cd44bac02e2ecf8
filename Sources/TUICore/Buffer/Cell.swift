/// One terminal cell: a grapheme cluster, its display width, and its style.
///
/// A wide grapheme (CJK, emoji) is stored in its first cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`, empty grapheme) that the terminal never draws itself.
///
/// The grapheme is kept inline as up to 32 UTF-8 bytes (every cluster `TerminalSanitizer` lets
/// through: at most 8 scalars), so a cell is a plain value: copying, comparing and storing one
/// never touches the heap or a reference count. A longer grapheme given to `init` is cut at the
/// last whole scalar that fits.
public struct Cell: Sendable, Hashable {
    /// The grapheme's UTF-8 bytes, little-endian, zero past `byteCount`.
    private var bytes: (UInt64, UInt64, UInt64, UInt64)
    /// The foreground (low half) and background (high half) colours, packed by `Color.packed`.
    private var colors: UInt64
    /// The attributes (bits 0–7), the number of grapheme bytes (8–15) and the width (16–23).
    private var tail: UInt32

    private var byteCount: Int { Int(tail >> 8 & 0xFF) }

    /// The most UTF-8 bytes a cell keeps.
    public static let maximumGraphemeBytes = 32

    /// The grapheme cluster shown; empty for a continuation cell.
    public var grapheme: String {
        get {
            withUnsafeBytes(of: bytes) { raw in
                String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<byteCount]), as: UTF8.self)
            }
        }
        set {
            let (packed, count) = Self.pack(newValue)
            bytes = packed
            tail = tail & ~0xFF00 | UInt32(count) << 8
        }
    }

    /// 1 or 2 for a drawn cell, 0 for the continuation of a wide one.
    public var width: Int {
        get { Int(tail >> 16) }
        set { tail = tail & 0xFFFF | UInt32(UInt8(clamping: newValue)) << 16 }
    }

    /// How the cell looks.
    public var style: Style {
        get {
            Style(
                foreground: Color(packed: UInt32(truncatingIfNeeded: colors)),
                background: Color(packed: UInt32(truncatingIfNeeded: colors >> 32)),
                attributes: TextAttributes(rawValue: UInt8(truncatingIfNeeded: tail)))
        }
        set {
            colors = Self.pack(newValue)
            tail = tail & ~0xFF | UInt32(newValue.attributes.rawValue)
        }
    }

    /// Creates a cell.
    /// - Parameters:
    ///   - grapheme: The grapheme cluster.
    ///   - width: Its display width (0 for a continuation).
    ///   - style: Its style.
    public init(grapheme: String, width: Int, style: Style = .plain) {
        let (packed, count) = Self.pack(grapheme)
        self.init(bytes: packed, count: count, width: width, style: style)
    }

    private init(bytes: (UInt64, UInt64, UInt64, UInt64), count: UInt8, width: Int, style: Style) {
        self.bytes = bytes
        self.colors = Self.pack(style)
        self.tail =
            UInt32(style.attributes.rawValue) | UInt32(count) << 8 | UInt32(UInt8(clamping: width)) << 16
    }

    /// Creates a cell holding one Unicode scalar, without going through `String`.
    /// - Parameters:
    ///   - scalar: The scalar (a whole grapheme cluster on its own).
    ///   - width: Its display width.
    ///   - style: Its style.
    init(scalar: Unicode.Scalar, width: Int, style: Style) {
        let v = scalar.value
        var word: UInt64
        var count: UInt8
        if v < 0x80 {
            word = UInt64(v)
            count = 1
        } else if v < 0x800 {
            word = UInt64(0xC0 | v >> 6) | UInt64(0x80 | v & 0x3F) << 8
            count = 2
        } else if v < 0x1_0000 {
            word = UInt64(0xE0 | v >> 12) | UInt64(0x80 | v >> 6 & 0x3F) << 8 | UInt64(0x80 | v & 0x3F) << 16
            count = 3
        } else {
            word =
                UInt64(0xF0 | v >> 18) | UInt64(0x80 | v >> 12 & 0x3F) << 8 | UInt64(0x80 | v >> 6 & 0x3F) << 16
                | UInt64(0x80 | v & 0x3F) << 24
            count = 4
        }
        self.init(bytes: (word, 0, 0, 0), count: count, width: width, style: style)
    }

    /// A space in the plain style.
    public static let blank = Cell(grapheme: " ", width: 1)

    /// A space with a style.
    /// - Parameter style: The style.
    /// - Returns: The cell.
    public static func blank(_ style: Style) -> Cell { Cell(scalar: " ", width: 1, style: style) }

    /// The right half of a wide grapheme.
    /// - Parameter style: The style of the wide grapheme.
    /// - Returns: The continuation cell.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { tail >> 16 == 0 }

    /// Calls `body` with the grapheme's UTF-8 bytes.
    /// - Parameter body: Receives the bytes.
    /// - Returns: What `body` returns.
    public func withGraphemeUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: bytes) { raw in try body(UnsafeRawBufferPointer(rebasing: raw[0..<byteCount])) }
    }

    /// Whether two cells are the same: same grapheme, width and style.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        // Every field is an integer with no padding bits in use, so equality is word equality.
        (lhs.bytes.0 ^ rhs.bytes.0) | (lhs.colors ^ rhs.colors) | UInt64(lhs.tail ^ rhs.tail)
            | (lhs.bytes.1 ^ rhs.bytes.1) | (lhs.bytes.2 ^ rhs.bytes.2) | (lhs.bytes.3 ^ rhs.bytes.3) == 0
    }

    /// Hashes the grapheme, width and style.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.0)
        hasher.combine(bytes.1)
        hasher.combine(bytes.2)
        hasher.combine(bytes.3)
        hasher.combine(colors)
        hasher.combine(tail)
    }

    /// Packs a style's colours into one word.
    private static func pack(_ style: Style) -> UInt64 {
        UInt64(style.foreground.packed) | UInt64(style.background.packed) << 32
    }

    /// Packs a grapheme's UTF-8 into the inline words, cutting at a scalar boundary.
    private static func pack(_ text: String) -> ((UInt64, UInt64, UInt64, UInt64), UInt8) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &words) { raw in
            for byte in text.utf8 {
                // A lead byte starts a scalar: keep it only when the whole scalar fits.
                if byte & 0xC0 != 0x80 {
                    let length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                    if count + length > maximumGraphemeBytes { break }
                }
                raw[count] = byte
                count += 1
            }
        }
        return (words, UInt8(count))
    }
}

extension Color {
    /// The colour as one integer: the case in bits 24–31, the payload below (injective).
    var packed: UInt32 {
        switch self {
        case .default: return 0
        case .ansi(let n): return 1 << 24 | UInt32(n)
        case .indexed(let n): return 2 << 24 | UInt32(n)
        case .rgb(let r, let g, let b): return 3 << 24 | UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
        }
    }

    /// The colour `packed` came from.
    init(packed: UInt32) {
        let n = UInt8(truncatingIfNeeded: packed)
        switch packed >> 24 {
        case 1: self = .ansi(n)
        case 2: self = .indexed(n)
        case 3: self = .rgb(UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8), n)
        default: self = .default
        }
    }
}
