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
            let key = try reader.readString()
            if reader.readNil() { continue }
            let start = reader.offset
            do throws(MessagePackError) {
                switch key {
                case "T": type = try reader.readString()
                case "S": symbol = try reader.readString()
                case "t":
                    let time = try timestamp(&reader)
                    trade.time = time
                    quote.time = time
                    bar.time = time
                    status.time = time
                case "p": trade.price = try finite(&reader)
                case "s": trade.size = try reader.readInt64()
                case "i": trade.id = try reader.readInt64()
                case "x": trade.exchange = try reader.readString()
                case "c":
                    // Conditions for trades and quotes, the close for bars.
                    let kind = try reader.peekKind()
                    if kind == .array || kind == .string {
                        let list = try strings(&reader)
                        trade.conditions = list
                        quote.conditions = list
                    } else {
                        bar.close = try finite(&reader)
                    }
                case "z":
                    let tape = try reader.readString()
                    trade.tape = tape
                    quote.tape = tape
                case "bx": quote.bidExchange = try reader.readString()
                case "bp": quote.bidPrice = try finite(&reader)
                case "bs": quote.bidSize = try reader.readInt64()
                case "ax": quote.askExchange = try reader.readString()
                case "ap": quote.askPrice = try finite(&reader)
                case "as": quote.askSize = try reader.readInt64()
                case "o": bar.open = try finite(&reader)
                case "h": bar.high = try finite(&reader)
                case "l": bar.low = try finite(&reader)
                case "v": bar.volume = try reader.readInt64()
                case "n": bar.tradeCount = try reader.readInt64()
                case "vw": bar.vwap = try finite(&reader)
                case "sc": status.code = try reader.readString()
                case "sm": status.message = try reader.readString()
                case "rc": status.reasonCode = try reader.readString()
                case "rm": status.reasonMessage = try reader.readString()
                case "msg": text = try reader.readString()
                case "code": code = try reader.readInt64()
                case "trades", "quotes", "bars", "dailyBars", "updatedBars", "statuses":
                    subscription.set(key, try strings(&reader))
                default: try reader.skipValue()
                }
            } catch {
                // Wrong type for this key: skip the value from where it started, keep reading.
                problem = problem ?? FieldError(key: key, reason: error.message)
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
