import Foundation

/// Opaque page tokens: base64 of a readable cursor, as Alpaca's tokens are.
enum PageToken {
    /// Encodes a cursor string.
    static func encode(_ cursor: String) -> String { Data(cursor.utf8).base64EncodedString() }

    /// Decodes a token; nil when it is not base64 of UTF-8 text.
    static func decode(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
