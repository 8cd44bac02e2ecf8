/// Writes MessagePack values into a growing byte array, each in its shortest form.
public struct MessagePackWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    private mutating func bigEndian(_ value: UInt64, _ count: Int) {
        for shift in stride(from: (count - 1) * 8, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// `nil`.
    public mutating func writeNil() { bytes.append(0xc0) }

    /// A boolean.
    public mutating func write(_ value: Bool) { bytes.append(value ? 0xc3 : 0xc2) }

    /// An integer.
    public mutating func write(_ value: Int64) {
        switch value {
        case 0...0x7f: bytes.append(UInt8(value))
        case -32..<0: bytes.append(UInt8(bitPattern: Int8(value)))
        case 0x80...0xff:
            bytes.append(0xcc)
            bigEndian(UInt64(value), 1)
        case 0x100...0xffff:
            bytes.append(0xcd)
            bigEndian(UInt64(value), 2)
        case 0x1_0000...0xffff_ffff:
            bytes.append(0xce)
            bigEndian(UInt64(value), 4)
        case 0x1_0000_0000...:
            bytes.append(0xcf)
            bigEndian(UInt64(value), 8)
        case -128 ..< -32:
            bytes.append(0xd0)
            bigEndian(UInt64(bitPattern: value), 1)
        case -32768 ..< -128:
            bytes.append(0xd1)
            bigEndian(UInt64(bitPattern: value), 2)
        case -2_147_483_648 ..< -32768:
            bytes.append(0xd2)
            bigEndian(UInt64(bitPattern: value), 4)
        default:
            bytes.append(0xd3)
            bigEndian(UInt64(bitPattern: value), 8)
        }
    }

    /// A 64-bit float.
    public mutating func write(_ value: Double) {
        bytes.append(0xcb)
        bigEndian(value.bitPattern, 8)
    }

    /// A UTF-8 string.
    public mutating func write(_ value: String) {
        let utf8 = value.utf8
        let count = utf8.count
        switch count {
        case 0...31: bytes.append(0xa0 | UInt8(count))
        case 32...0xff:
            bytes.append(0xd9)
            bigEndian(UInt64(count), 1)
        case 0x100...0xffff:
            bytes.append(0xda)
            bigEndian(UInt64(count), 2)
        default:
            bytes.append(0xdb)
            bigEndian(UInt64(count), 4)
        }
        bytes.append(contentsOf: utf8)
    }

    /// An array header; the `count` values follow.
    public mutating func writeArrayHeader(_ count: Int) {
        switch count {
        case 0...15: bytes.append(0x90 | UInt8(count))
        case 16...0xffff:
            bytes.append(0xdc)
            bigEndian(UInt64(count), 2)
        default:
            bytes.append(0xdd)
            bigEndian(UInt64(count), 4)
        }
    }

    /// A map header; `count` key–value pairs follow.
    public mutating func writeMapHeader(_ count: Int) {
        switch count {
        case 0...15: bytes.append(0x80 | UInt8(count))
        case 16...0xffff:
            bytes.append(0xde)
            bigEndian(UInt64(count), 2)
        default:
            bytes.append(0xdf)
            bigEndian(UInt64(count), 4)
        }
    }

    /// A timestamp (extension type -1) in the shortest of its three forms.
    /// - Parameters:
    ///   - seconds: Seconds since 1970 (negative before).
    ///   - nanoseconds: 0…999 999 999.
    public mutating func writeTimestamp(seconds: Int64, nanoseconds: Int64) {
        let nanos = UInt64(max(0, min(999_999_999, nanoseconds)))
        if seconds >= 0 && seconds >> 34 == 0 {
            if nanos == 0 && seconds <= 0xffff_ffff {
                bytes += [0xd6, 0xff]
                bigEndian(UInt64(seconds), 4)
            } else {
                bytes += [0xd7, 0xff]
                bigEndian(nanos << 34 | UInt64(seconds), 8)
            }
        } else {
            bytes += [0xc7, 12, 0xff]
            bigEndian(nanos, 4)
            bigEndian(UInt64(bitPattern: seconds), 8)
        }
    }
}
