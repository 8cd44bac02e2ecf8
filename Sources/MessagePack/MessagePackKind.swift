/// The family of the next value in a MessagePack buffer.
public enum MessagePackKind: Sendable, Equatable {
    /// `nil`.
    case null
    /// `true` or `false`.
    case bool
    /// A signed or unsigned integer.
    case integer
    /// A 32- or 64-bit float.
    case float
    /// A UTF-8 string.
    case string
    /// Raw bytes.
    case binary
    /// An array.
    case array
    /// A map.
    case map
    /// An extension value (a timestamp is extension type -1).
    case ext
    /// The byte 0xc1, which MessagePack never uses.
    case invalid
}
