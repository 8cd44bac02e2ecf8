import MarketModel
import MessagePack

/// Encodes server messages (the simulator's `JSONValue`s) as one JSON text or MessagePack frame.
///
/// In MessagePack a `t` that holds an RFC-3339 string goes out as a MessagePack timestamp, as
/// Alpaca's does; a raw JSON number beyond `Double` (the `huge` fault) goes out as infinity.
enum StreamFrameEncoder {
    /// The frame of `messages`.
    static func frame(_ messages: [JSONValue], binary: Bool) -> [UInt8] {
        if !binary { return JSONValue.array(messages).bytes }
        var writer = MessagePackWriter(capacity: 128 * max(1, messages.count))
        write(.array(messages), key: nil, into: &writer)
        return writer.bytes
    }

    private static func write(_ value: JSONValue, key: String?, into writer: inout MessagePackWriter) {
        switch value {
        case .null: writer.writeNil()
        case .bool(let flag): writer.write(flag)
        case .int(let number): writer.write(number)
        case .number(let number): writer.write(number)
        case .string(let text):
            if key == "t", let time = Timestamp(rfc3339: text) {
                let nanos = time.nanoseconds
                let seconds = nanos >= 0 ? nanos / 1_000_000_000 : (nanos + 1) / 1_000_000_000 - 1
                writer.writeTimestamp(seconds: seconds, nanoseconds: nanos - seconds * 1_000_000_000)
            } else {
                writer.write(text)
            }
        case .array(let items):
            writer.writeArrayHeader(items.count)
            for item in items { write(item, key: nil, into: &writer) }
        case .object(let members):
            writer.writeMapHeader(members.count)
            for name in members.keys.sorted() {
                writer.write(name)
                write(members[name]!, key: name, into: &writer)
            }
        case .raw(let text):
            if let number = Double(text) { writer.write(number) } else { writer.write(text) }
        }
    }

    /// `[{"T":"error","code":N,"msg":…}]`'s element.
    static func error(_ code: Int, _ message: String) -> JSONValue {
        .object(["T": .string("error"), "code": .int(code), "msg": .string(message)])
    }

    /// `{"T":"success","msg":…}`.
    static func success(_ message: String) -> JSONValue {
        .object(["T": .string("success"), "msg": .string(message)])
    }
}
