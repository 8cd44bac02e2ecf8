public import MarketModel

/// A position in a `JSONDocument`: one value, read on demand.
public struct JSONValue: Sendable {
    let document: JSONDocument.Storage
    let index: Int

    init(document: JSONDocument.Storage, index: Int) {
        self.document = document
        self.index = index
    }

    private var token: JSONDocument.Token { document.tokens[index] }

    /// Whether the value is `null`.
    public var isNull: Bool { token.kind == .null }
    /// Whether the value is an object.
    public var isObject: Bool { token.kind == .object }
    /// Whether the value is an array.
    public var isArray: Bool { token.kind == .array }
    /// Whether the value is a string.
    public var isString: Bool { token.kind == .string }
    /// Whether the value is a number.
    public var isNumber: Bool { token.kind == .number }

    /// Calls `body` with each member of an object, in document order.
    /// - Throws: `DecodeError` when the value is not an object, or whatever `body` throws.
    public func forEachMember(_ body: (String, JSONValue) throws(DecodeError) -> Void) throws(DecodeError) {
        guard token.kind == .object else { throw DecodeError("expected an object") }
        let end = Int(token.next)
        var i = index + 1
        while i < end {
            let key = document.stringValue(at: i)
            let valueIndex = i + 1
            try body(key, JSONValue(document: document, index: valueIndex))
            i = Int(document.tokens[valueIndex].next)
        }
    }

    /// The number of members of an object or elements of an array (0 for a scalar); O(n).
    public var memberCount: Int {
        guard token.kind == .object || token.kind == .array else { return 0 }
        let step = token.kind == .object ? 2 : 1
        let end = Int(token.next)
        var count = 0
        var i = index + 1
        while i < end {
            count += 1
            i = Int(document.tokens[i + step - 1].next)
        }
        return count
    }

    /// The members of an object as (key, value) pairs.
    public func members() throws(DecodeError) -> [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        try forEachMember { key, value in out.append((key, value)) }
        return out
    }

    /// The member named `key`, or nil when absent (a present `null` is returned as a null value).
    public subscript(key: String) -> JSONValue? {
        guard token.kind == .object else { return nil }
        let end = Int(token.next)
        var i = index + 1
        while i < end {
            if document.stringEquals(at: i, key) { return JSONValue(document: document, index: i + 1) }
            i = Int(document.tokens[i + 1].next)
        }
        return nil
    }

    /// The elements of an array.
    /// - Throws: `DecodeError` when the value is not an array.
    public func elements() throws(DecodeError) -> [JSONValue] {
        guard token.kind == .array else { throw DecodeError("expected an array") }
        var out: [JSONValue] = []
        let end = Int(token.next)
        var i = index + 1
        while i < end {
            out.append(JSONValue(document: document, index: i))
            i = Int(document.tokens[i].next)
        }
        return out
    }

    /// The value as a string.
    public func string() throws(DecodeError) -> String {
        guard token.kind == .string else { throw DecodeError("expected a string") }
        return document.stringValue(at: index)
    }

    /// The value as a finite Double: a JSON number only.
    ///
    /// Market data sends numbers; a number sent as a string there is schema drift (reliability.md
    /// D2) and is refused. The trading API's string decimals go through `WireDecimal`.
    public func double() throws(DecodeError) -> Double {
        guard token.kind == .number else {
            throw DecodeError(token.kind == .string ? "a number sent as a string" : "expected a number")
        }
        guard let value = document.parseDouble(at: index), value.isFinite else {
            throw DecodeError("not a finite number")
        }
        return value
    }

    /// The value as an Int64: an integral JSON number only (see ``double()``).
    public func int64() throws(DecodeError) -> Int64 {
        guard token.kind == .number else {
            throw DecodeError(token.kind == .string ? "an integer sent as a string" : "expected an integer")
        }
        return try int64(allowingString: false)
    }

    /// The value as an Int64; with `allowingString`, an integer string too (the trading API's
    /// counts, such as an option contract's `open_interest`).
    public func int64(allowingString: Bool) throws(DecodeError) -> Int64 {
        switch token.kind {
        case .number:
            if let v = document.parseInt64(at: index) { return v }
            let d = try double()
            guard d.rounded() == d, let v = Int64(exactly: d) else { throw DecodeError("expected an integer") }
            return v
        case .string where allowingString:
            let text = document.stringValue(at: index)
            if let v = Int64(text) { return v }
            guard let d = Double(text), d.isFinite, d.rounded() == d, let v = Int64(exactly: d) else {
                throw DecodeError("expected an integer")
            }
            return v
        default:
            throw DecodeError("expected an integer")
        }
    }

    /// The value as a Bool.
    public func bool() throws(DecodeError) -> Bool {
        switch token.kind {
        case .trueValue: return true
        case .falseValue: return false
        default: throw DecodeError("expected a boolean")
        }
    }

    /// The value as an RFC-3339 timestamp (parsed straight from the bytes, no string made).
    public func timestamp() throws(DecodeError) -> Timestamp {
        let t = token
        guard t.kind == .string else { throw DecodeError("expected a string") }
        guard !t.escaped else {
            guard let parsed = Timestamp(rfc3339: document.stringValue(at: index)) else {
                throw DecodeError("not an RFC-3339 timestamp")
            }
            return parsed
        }
        let nanoseconds = Timestamp.parse(UnsafeBufferPointer(rebasing: document.bytes[Int(t.start)..<Int(t.end)]))
        guard let nanoseconds else { throw DecodeError("not an RFC-3339 timestamp") }
        return Timestamp(nanoseconds: nanoseconds)
    }

    /// Calls `body` with each member's key code (see `JSONKey`) and value, in document order; a
    /// thrown error gets the member's key added to its path.
    /// - Throws: `DecodeError` when the value is not an object, or whatever `body` throws.
    public func forEachMember(coded body: (UInt64, JSONValue) throws(DecodeError) -> Void) throws(DecodeError) {
        guard token.kind == .object else { throw DecodeError("expected an object") }
        let tokens = document.tokens
        let end = Int(tokens[index].next)
        var i = index + 1
        while i < end {
            let valueIndex = i + 1
            do {
                try body(document.keyCode(at: i), JSONValue(document: document, index: valueIndex))
            } catch {
                throw error.at(document.stringValue(at: i))
            }
            i = Int(tokens[valueIndex].next)
        }
    }

    /// The value as a list of strings; accepts an array of strings or a single string (option conditions).
    public func stringList() throws(DecodeError) -> [String] {
        let t = token
        if t.kind == .string { return [document.stringValue(at: index)] }
        guard t.kind == .array else { throw DecodeError("expected an array") }
        var out: [String] = []
        var i = index + 1
        while i < Int(t.next) {
            guard document.tokens[i].kind == .string else { throw DecodeError("expected a string") }
            out.append(document.stringValue(at: i))
            i = Int(document.tokens[i].next)
        }
        return out
    }

    /// The raw JSON text of this value (for diagnostics and tests).
    public var rawText: String {
        let t = token
        let start = t.kind == .string ? Int(t.start) - 1 : Int(t.start)
        let end = t.kind == .string ? Int(t.end) + 1 : Int(t.end)
        return String(decoding: UnsafeBufferPointer(rebasing: document.bytes[start..<end]), as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: UInt32(c - 48)
        case 65...70: UInt32(c - 55)
        case 97...102: UInt32(c - 87)
        default: nil
        }
    }
}

extension JSONValue {
    /// The member `key` decoded with `read`, or nil when the member is absent or `null`.
    /// - Throws: `DecodeError` naming the key when the member is present but malformed.
    public func optional<T>(_ key: String, _ read: (JSONValue) throws(DecodeError) -> T) throws(DecodeError) -> T? {
        guard let member = self[key], !member.isNull else { return nil }
        do { return try read(member) } catch { throw error.at(key) }
    }

    /// The member `key` decoded with `read`.
    /// - Throws: `DecodeError` naming the key when the member is absent, `null` or malformed.
    public func required<T>(_ key: String, _ read: (JSONValue) throws(DecodeError) -> T) throws(DecodeError) -> T {
        guard let value = try optional(key, read) else { throw DecodeError("missing required field").at(key) }
        return value
    }
}
