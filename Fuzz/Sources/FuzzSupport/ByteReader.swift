/// Takes values off the front of a fuzz input; past the end every read gives zero (or nothing),
/// so a target never has to check the length itself.
public struct ByteReader {
    /// The input.
    public let bytes: [UInt8]
    /// How many bytes have been taken.
    public private(set) var position = 0

    /// Wraps an input.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps the raw input libFuzzer passes.
    public init(_ data: UnsafePointer<UInt8>?, _ count: Int) {
        self.bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    /// Whether every byte has been taken.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The bytes not taken yet.
    public var remaining: ArraySlice<UInt8> { bytes[min(position, bytes.count)...] }

    /// One byte (0 past the end).
    public mutating func u8() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// Two bytes, little-endian.
    public mutating func u16() -> UInt16 { UInt16(u8()) | UInt16(u8()) << 8 }

    /// Four bytes, little-endian.
    public mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }

    /// Eight bytes, little-endian.
    public mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }

    /// A boolean from one byte's low bit.
    public mutating func bool() -> Bool { u8() & 1 == 1 }

    /// Up to `count` bytes.
    public mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let start = min(position, bytes.count)
        let end = min(bytes.count, start + max(0, count))
        position = end
        return bytes[start..<end]
    }

    /// Everything not taken yet.
    public mutating func rest() -> ArraySlice<UInt8> { take(bytes.count) }

    /// A chunk whose length is the next byte (0–255).
    public mutating func chunk() -> ArraySlice<UInt8> { take(Int(u8())) }
}
