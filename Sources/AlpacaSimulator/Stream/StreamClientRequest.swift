import Foundation
import MessagePack

/// A client message as the simulator reads it: its action and its string or string-list fields.
struct StreamClientRequest: Sendable, Equatable {
    /// `auth`, `subscribe`, `unsubscribe`, or whatever the client sent.
    var action: String
    /// String fields (`key`, `secret`).
    var strings: [String: String] = [:]
    /// List fields (`trades`, `quotes`, …).
    var lists: [String: [String]] = [:]

    /// Reads a JSON text or MessagePack message, or nil when it is not an object of strings and
    /// string lists with an `action` (Alpaca answers that with 400, invalid syntax).
    static func parse(_ bytes: [UInt8], binary: Bool) -> StreamClientRequest? {
        var strings: [String: String] = [:]
        var lists: [String: [String]] = [:]
        if binary {
            var reader = MessagePackReader(bytes)
            guard let pairs = try? reader.readMapCount() else { return nil }
            for _ in 0..<pairs {
                guard let key = try? reader.readString(), let kind = try? reader.peekKind() else { return nil }
                switch kind {
                case .string: strings[key] = try? reader.readString()
                case .array:
                    guard let count = try? reader.readArrayCount() else { return nil }
                    var list: [String] = []
                    for _ in 0..<count {
                        guard let item = try? reader.readString() else { return nil }
                        list.append(item)
                    }
                    lists[key] = list
                default:
                    guard (try? reader.skipValue()) != nil else { return nil }
                }
            }
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return nil
            }
            for (key, value) in object {
                if let text = value as? String { strings[key] = text }
                if let list = value as? [Any] { lists[key] = list.compactMap { $0 as? String } }
            }
        }
        guard let action = strings["action"] else { return nil }
        return StreamClientRequest(action: action, strings: strings, lists: lists)
    }
}
