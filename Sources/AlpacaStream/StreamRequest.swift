import MessagePack

/// A message from the client: authentication, or a change of subscriptions.
public enum StreamRequest: Sendable, Equatable {
    /// `{"action":"auth","key":…,"secret":…}`.
    case auth(key: String, secret: String)
    /// `{"action":"subscribe",…}`: adds to the current set.
    case subscribe(StreamSubscription)
    /// `{"action":"unsubscribe",…}`: removes from it.
    case unsubscribe(StreamSubscription)

    /// The encoded request.
    public func encoded(_ framing: StreamFraming) -> [UInt8] {
        var members: [(String, Value)] = []
        switch self {
        case .auth(let key, let secret):
            members = [("action", .text("auth")), ("key", .text(key)), ("secret", .text(secret))]
        case .subscribe(let set), .unsubscribe(let set):
            members = [("action", .text(isSubscribe ? "subscribe" : "unsubscribe"))]
            for (name, symbols) in set.channels where !symbols.isEmpty { members.append((name, .list(symbols))) }
        }
        switch framing {
        case .json:
            var text = "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { text += "," }
                text += Self.quoted(key) + ":"
                switch value {
                case .text(let string): text += Self.quoted(string)
                case .list(let strings): text += "[" + strings.map(Self.quoted).joined(separator: ",") + "]"
                }
            }
            return Array((text + "}").utf8)
        case .msgpack:
            var writer = MessagePackWriter()
            writer.writeMapHeader(members.count)
            for (key, value) in members {
                writer.write(key)
                switch value {
                case .text(let string): writer.write(string)
                case .list(let strings):
                    writer.writeArrayHeader(strings.count)
                    for string in strings { writer.write(string) }
                }
            }
            return writer.bytes
        }
    }

    private var isSubscribe: Bool {
        if case .subscribe = self { return true }
        return false
    }

    private enum Value {
        case text(String)
        case list([String])
    }

    /// A JSON string literal.
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
