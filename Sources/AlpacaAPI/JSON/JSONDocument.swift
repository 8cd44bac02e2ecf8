/// A parsed JSON text kept as a flat token tape over the original bytes (simdjson-style).
///
/// Parsing validates the whole text once and records one token per value; strings and numbers
/// are decoded only when a reader asks for them, and a skipped subtree costs one index jump.
/// This lets the decoders read a 1000-symbol snapshot body entry by entry — one bad entry fails
/// only itself — without building a dictionary per object or decoding the body twice.
public struct JSONDocument: Sendable {
    /// The kind of a token.
    enum Kind: UInt8, Sendable {
        case object, array, string, number, trueValue, falseValue, null
    }

    /// One value: its kind, its byte range, and the index of the token after its subtree.
    ///
    /// The one-byte fields come last so that a token packs into 16 bytes, not 20: the tape of a
    /// 1000-symbol snapshot body is 2 MB instead of 2.4 MB.
    struct Token: Sendable {
        /// Byte offset of the first byte (for strings: after the opening quote).
        var start: Int32
        /// Byte offset past the last byte (for strings: the closing quote).
        var end: Int32
        /// Index of the next token after this value and all its children.
        var next: Int32
        var kind: Kind
        /// For strings: whether the raw bytes contain escapes.
        var escaped: Bool
    }

    /// The bytes and the tape, shared by every `JSONValue` of the document: one reference to
    /// count, and plain memory to read (no array retain per access on the decoding hot path).
    ///
    /// Invariant: both buffers are written only in `init` and freed only in `deinit`; in between
    /// they are immutable, so sharing them across tasks is safe.
    final class Storage: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: UnsafeBufferPointer<Token>

        /// Takes over `tokens` (allocated by the parser) and a copy of `bytes`.
        init(bytes: [UInt8], tokens: UnsafeMutableBufferPointer<Token>) {
            let b = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
            _ = b.initialize(from: bytes)
            self.bytes = UnsafeBufferPointer(rebasing: b[0..<bytes.count])
            self.tokens = UnsafeBufferPointer(tokens)
        }

        deinit {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
            UnsafeMutableRawPointer(mutating: tokens.baseAddress)?.deallocate()
        }
    }

    let storage: Storage

    /// Parses JSON bytes.
    /// - Parameter bytes: The UTF-8 text.
    /// - Throws: `JSONError` with the byte offset of the first syntax error.
    public init(bytes: [UInt8]) throws(JSONError) {
        let tokens = try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
            var parser = JSONParser(bytes: buffer)
            return try parser.parseDocument()
        }
        storage = Storage(bytes: bytes, tokens: tokens)
    }

    /// The root value.
    public var root: JSONValue { JSONValue(document: storage, index: 0) }
}

/// A JSON syntax error.
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset of the error.
    public var offset: Int
    /// What was expected.
    public var message: String

    /// Creates an error.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `message at byte N`.
    public var description: String { "\(message) at byte \(offset)" }
}
