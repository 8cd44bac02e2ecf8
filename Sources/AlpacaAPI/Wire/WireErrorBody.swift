/// Alpaca's error body: `{"code", "message"}` or `{"message"}` alone.
public struct WireErrorBody: Sendable, Equatable {
    /// The 8-digit Alpaca code, when sent.
    public var code: Int?
    /// The message (free text; sanitize before display).
    public var message: String?

    /// Reads an error body leniently; a body that is not JSON gives nil fields.
    /// - Parameter body: The response bytes.
    public init(body: [UInt8]) {
        guard let document = try? JSONDocument(bytes: body) else {
            code = nil
            let text = String(decoding: body.prefix(200), as: UTF8.self)
            message = text.isEmpty ? nil : text
            return
        }
        let root = document.root
        code = (try? root.optional("code") { v throws(DecodeError) in try v.int64() }).flatMap { $0 }.map { Int($0) }
        message = (try? root.optional("message") { v throws(DecodeError) in try v.string() }).flatMap { $0 }
    }
}
