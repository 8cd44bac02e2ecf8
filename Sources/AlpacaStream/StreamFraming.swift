/// How a stream's frames are encoded: JSON text (Alpaca's default for stocks) or MessagePack
/// binary, which a client asks for with `Content-Type: application/msgpack` on the upgrade and
/// which the option stream requires.
public enum StreamFraming: String, Sendable, Equatable, CaseIterable {
    /// JSON text frames.
    case json
    /// MessagePack binary frames.
    case msgpack
}
