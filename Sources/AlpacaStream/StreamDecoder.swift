import AlpacaAPI
import MarketModel
import MessagePack

/// Decodes one server frame (a JSON text or MessagePack binary array of messages) into messages.
///
/// One element that cannot be read becomes `.malformed` with its symbol when it named one; the
/// others in the frame still decode. A frame that is not an array at all is one `.malformed`.
/// Nothing here traps on any input (fuzz-stream).
public enum StreamDecoder {
    /// The most messages read from one frame; the rest are reported as one `.malformed`.
    public static let maximumMessages = 100_000

    /// Decodes a frame.
    /// - Parameters:
    ///   - bytes: The frame's payload.
    ///   - framing: How it is encoded.
    /// - Returns: Its messages, in order.
    public static func decode(_ bytes: [UInt8], framing: StreamFraming) -> [StreamMessage] {
        switch framing {
        case .json: decodeJSON(bytes)
        case .msgpack: decodeMessagePack(bytes)
        }
    }

    // MARK: JSON

    static func decodeJSON(_ bytes: [UInt8]) -> [StreamMessage] {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes)
        } catch {
            return [.malformed(symbol: nil, reason: "not JSON: \(error)")]
        }
        let root = document.root
        guard root.isArray, let elements = try? root.elements() else {
            return [.malformed(symbol: nil, reason: "the frame is not an array")]
        }
        var out: [StreamMessage] = []
        out.reserveCapacity(min(elements.count, maximumMessages))
        for element in elements.prefix(maximumMessages) { out.append(message(json: element)) }
        if elements.count > maximumMessages {
            out.append(.malformed(symbol: nil, reason: "more than \(maximumMessages) messages in one frame"))
        }
        return out
    }

    static func message(json: JSONValue) -> StreamMessage {
        guard json.isObject else { return .malformed(symbol: nil, reason: "a message is not an object") }
        let type = (try? json["T"]?.string()) ?? nil
        let symbol = (try? json["S"]?.string()) ?? nil
        guard let type else { return .malformed(symbol: symbol, reason: "a message without its type T") }
        do throws(DecodeError) {
            switch type {
            case "t", "q", "b", "d", "u", "s":
                guard let symbol else {
                    return .malformed(symbol: nil, reason: "a '\(type)' message without its symbol S")
                }
                switch type {
                case "t": return .trade(symbol: symbol, try WireTrade(json: json))
                case "q": return .quote(symbol: symbol, try WireQuote(json: json))
                case "s": return .status(symbol: symbol, try status(json: json))
                default: return .bar(StreamBarKind(rawValue: type)!, symbol: symbol, try WireBar(json: json))
                }
            case "success":
                return .success(try json["msg"]?.string() ?? "")
            case "error":
                let code = try json["code"]?.int64() ?? 0
                return .error(code: Int(clamping: code), message: try json["msg"]?.string() ?? "")
            case "subscription":
                var subscription = StreamSubscription()
                try json.forEachMember { key, value throws(DecodeError) in
                    guard value.isArray else { return }
                    subscription.set(key, try value.stringList())
                }
                return .subscription(subscription)
            default:
                return .ignored(type: type)
            }
        } catch {
            return .malformed(symbol: symbol, reason: "a '\(type)' message: \(error)")
        }
    }

    static func status(json: JSONValue) throws(DecodeError) -> StreamTradingStatus {
        var status = StreamTradingStatus()
        try json.forEachMember { key, value throws(DecodeError) in
            guard !value.isNull else { return }
            switch key {
            case "sc": status.code = try value.string()
            case "sm": status.message = try value.string()
            case "rc": status.reasonCode = try value.string()
            case "rm": status.reasonMessage = try value.string()
            case "t": status.time = try value.timestamp()
            default: break
            }
        }
        return status
    }

    // MARK: MessagePack

    static func decodeMessagePack(_ bytes: [UInt8]) -> [StreamMessage] {
        var reader = MessagePackReader(bytes)
        let count: Int
        do {
            count = try reader.readArrayCount()
        } catch {
            return [.malformed(symbol: nil, reason: "the frame is not an array: \(error)")]
        }
        var out: [StreamMessage] = []
        out.reserveCapacity(min(count, maximumMessages))
        for _ in 0..<min(count, maximumMessages) {
            do {
                out.append(try message(msgpack: &reader))
            } catch {
                // The reader cannot find the next element's start after a broken one.
                out.append(.malformed(symbol: nil, reason: "unreadable MessagePack: \(error)"))
                return out
            }
        }
        if count > maximumMessages {
            out.append(.malformed(symbol: nil, reason: "more than \(maximumMessages) messages in one frame"))
        }
        return out
    }

    /// Map keys as ``MessagePackReader/readKeyCode()`` codes, as literals: a code computed at
    /// first use was a lazy global, checked at every comparison of every key of every message
    /// (`keyCodesAreTheKeysBytes` checks each against `MessagePackReader.keyCode`).
    enum Key {
        static let type: UInt64 = 0x54  // "T"
        static let symbol: UInt64 = 0x53  // "S"
        static let t: UInt64 = 0x74  // "t"
        static let p: UInt64 = 0x70  // "p"
        static let s: UInt64 = 0x73  // "s"
        static let i: UInt64 = 0x69  // "i"
        static let x: UInt64 = 0x78  // "x"
        static let c: UInt64 = 0x63  // "c"
        static let z: UInt64 = 0x7A  // "z"
        static let bx: UInt64 = 0x7862  // "bx"
        static let bp: UInt64 = 0x7062  // "bp"
        static let bs: UInt64 = 0x7362  // "bs"
        static let ax: UInt64 = 0x7861  // "ax"
        static let ap: UInt64 = 0x7061  // "ap"
        static let `as`: UInt64 = 0x7361  // "as"
        static let o: UInt64 = 0x6F  // "o"
        static let h: UInt64 = 0x68  // "h"
        static let l: UInt64 = 0x6C  // "l"
        static let v: UInt64 = 0x76  // "v"
        static let n: UInt64 = 0x6E  // "n"
        static let vw: UInt64 = 0x7776  // "vw"
        static let sc: UInt64 = 0x6373  // "sc"
        static let sm: UInt64 = 0x6D73  // "sm"
        static let rc: UInt64 = 0x6372  // "rc"
        static let rm: UInt64 = 0x6D72  // "rm"
        static let msg: UInt64 = 0x67736D  // "msg"
        static let code: UInt64 = 0x65646F63  // "code"
        static let trades: UInt64 = 0x736564617274  // "trades"
        static let quotes: UInt64 = 0x7365746F7571  // "quotes"
        static let bars: UInt64 = 0x73726162  // "bars"
        /// Each key's name and code, for the test that checks the literals.
        static let all: [(name: String, code: UInt64)] = [
            ("T", type),
            ("S", symbol),
            ("t", t),
            ("p", p),
            ("s", s),
            ("i", i),
            ("x", x),
            ("c", c),
            ("z", z),
            ("bx", bx),
            ("bp", bp),
            ("bs", bs),
            ("ax", ax),
            ("ap", ap),
            ("as", `as`),
            ("o", o),
            ("h", h),
            ("l", l),
            ("v", v),
            ("n", n),
            ("vw", vw),
            ("sc", sc),
            ("sm", sm),
            ("rc", rc),
            ("rm", rm),
            ("msg", msg),
            ("code", code),
            ("trades", trades),
            ("quotes", quotes),
            ("bars", bars),
            ("statuses", statuses),
        ]
        /// Every key longer than 8 bytes (and the empty one), read again by name.
        static let long: UInt64 = 0
        static let statuses: UInt64 = 0x7365737574617473  // "statuses"
    }

    /// One field value that failed to read; the element is skipped past it and reported.
    private struct FieldError: Error {
        var key: String
        var reason: String
    }

    /// One map element.
    ///
    /// Structural damage (a truncated frame) throws; a field of the wrong type is read past and
    /// makes the element `.malformed`.
    static func message(msgpack reader: inout MessagePackReader) throws(MessagePackError) -> StreamMessage {
        guard (try reader.peekKind()) == .map else {
            try reader.skipValue()
            return .malformed(symbol: nil, reason: "a message is not a map")
        }
        let pairs = try reader.readMapCount()
        var type: String?
        var symbol: String?
        var trade = WireTrade()
        var quote = WireQuote()
        var bar = WireBar()
        var status = StreamTradingStatus()
        var text: String?
        var code: Int64?
        var subscription = StreamSubscription()
        var problem: FieldError?
        for _ in 0..<pairs {
            guard (try reader.peekKind()) == .string else {
                try reader.skipValue()
                try reader.skipValue()
                problem = problem ?? FieldError(key: "?", reason: "a key that is not a string")
                continue
            }
            let keyStart = reader.offset
            let key = try reader.readKeyCode()
            if reader.readNil() { continue }
            let start = reader.offset
            do throws(MessagePackError) {
                switch key {
                case Key.type: type = try reader.readString()
                case Key.symbol: symbol = try reader.readString()
                case Key.t:
                    let time = try timestamp(&reader)
                    trade.time = time
                    quote.time = time
                    bar.time = time
                    status.time = time
                case Key.p: trade.price = try finite(&reader)
                case Key.s: trade.size = try reader.readInt64()
                case Key.i: trade.id = try reader.readInt64()
                case Key.x: trade.exchange = try reader.readString()
                case Key.c:
                    // Conditions for trades and quotes, the close for bars.
                    let kind = try reader.peekKind()
                    if kind == .array || kind == .string {
                        let list = try strings(&reader)
                        trade.conditions = list
                        quote.conditions = list
                    } else {
                        bar.close = try finite(&reader)
                    }
                case Key.z:
                    let tape = try reader.readString()
                    trade.tape = tape
                    quote.tape = tape
                case Key.bx: quote.bidExchange = try reader.readString()
                case Key.bp: quote.bidPrice = try finite(&reader)
                case Key.bs: quote.bidSize = try reader.readInt64()
                case Key.ax: quote.askExchange = try reader.readString()
                case Key.ap: quote.askPrice = try finite(&reader)
                case Key.as: quote.askSize = try reader.readInt64()
                case Key.o: bar.open = try finite(&reader)
                case Key.h: bar.high = try finite(&reader)
                case Key.l: bar.low = try finite(&reader)
                case Key.v: bar.volume = try reader.readInt64()
                case Key.n: bar.tradeCount = try reader.readInt64()
                case Key.vw: bar.vwap = try finite(&reader)
                case Key.sc: status.code = try reader.readString()
                case Key.sm: status.message = try reader.readString()
                case Key.rc: status.reasonCode = try reader.readString()
                case Key.rm: status.reasonMessage = try reader.readString()
                case Key.msg: text = try reader.readString()
                case Key.code: code = try reader.readInt64()
                case Key.trades, Key.quotes, Key.bars, Key.statuses, Key.long:
                    // Read the key again by name (dailyBars and updatedBars are longer than a code).
                    try reader.rewind(to: keyStart)
                    let name = try reader.readString()
                    if StreamSubscription().channels.contains(where: { $0.name == name }) {
                        subscription.set(name, try strings(&reader))
                    } else {
                        try reader.skipValue()
                    }
                default: try reader.skipValue()
                }
            } catch {
                // Wrong type for this key: skip the value from where it started, keep reading.
                var name = "?"
                var copy = reader
                if (try? copy.rewind(to: keyStart)) != nil, let text = try? copy.readString() { name = text }
                problem = problem ?? FieldError(key: name, reason: error.message)
                try reader.rewind(to: start)
                try reader.skipValue()
            }
        }
        guard let type else { return .malformed(symbol: symbol, reason: "a message without its type T") }
        if let problem {
            return .malformed(symbol: symbol, reason: "a '\(type)' message: \(problem.key): \(problem.reason)")
        }
        switch type {
        case "t", "q", "b", "d", "u", "s":
            guard let symbol else { return .malformed(symbol: nil, reason: "a '\(type)' message without its symbol S") }
            switch type {
            case "t": return .trade(symbol: symbol, trade)
            case "q": return .quote(symbol: symbol, quote)
            case "s": return .status(symbol: symbol, status)
            default: return .bar(StreamBarKind(rawValue: type)!, symbol: symbol, bar)
            }
        case "success": return .success(text ?? "")
        case "error": return .error(code: Int(clamping: code ?? 0), message: text ?? "")
        case "subscription": return .subscription(subscription)
        default: return .ignored(type: type)
        }
    }

    /// A finite number (NaN and the infinities are schema errors, as in JSON).
    private static func finite(_ reader: inout MessagePackReader) throws(MessagePackError) -> Double {
        let start = reader.offset
        let value = try reader.readDouble()
        guard value.isFinite else { throw MessagePackError(offset: start, message: "not a finite number") }
        return value
    }

    /// A MessagePack timestamp, or an RFC-3339 string, within the range `Timestamp` holds.
    private static func timestamp(_ reader: inout MessagePackReader) throws(MessagePackError) -> Timestamp {
        let start = reader.offset
        if (try reader.peekKind()) == .string {
            guard let time = Timestamp(rfc3339: try reader.readString()) else {
                throw MessagePackError(offset: start, message: "not an RFC-3339 timestamp")
            }
            return time
        }
        let (seconds, nanoseconds) = try reader.readTimestamp()
        guard let whole = Checked.multiply(seconds, 1_000_000_000), let total = Checked.add(whole, nanoseconds) else {
            throw MessagePackError(offset: start, message: "a timestamp beyond the representable range")
        }
        return Timestamp(nanoseconds: total)
    }

    /// An array of strings, or one string (option conditions), at most 100 000 of them.
    private static func strings(_ reader: inout MessagePackReader) throws(MessagePackError) -> [String] {
        if (try reader.peekKind()) == .string { return [try reader.readString()] }
        let start = reader.offset
        let count = try reader.readArrayCount()
        guard count <= 100_000 else { throw MessagePackError(offset: start, message: "a list of \(count) strings") }
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try reader.readString()) }
        return out
    }
}
