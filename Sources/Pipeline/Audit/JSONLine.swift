/// Builds one JSON object on one line, with its fields in the order they are added.
///
/// Strings are escaped so the line stays one line and stays inert in a terminal: `"` and `\`, every
/// C0 control, DEL, the C1 controls, U+2028/U+2029 and every Unicode format character (Cf: the
/// BiDi overrides and isolates, zero-width spaces and joiners, U+FEFF) are written as escapes.
public struct JSONLine: Sendable {
    /// The text so far.
    public private(set) var text = "{"
    private var isEmpty = true

    /// Adds a string field, or `null`.
    public mutating func add(_ key: String, _ value: String?) {
        startField(key)
        guard let value else {
            text += "null"
            return
        }
        text.append("\"")
        Self.appendEscaped(value, to: &text)
        text.append("\"")
    }

    /// Adds an integer field, or `null`.
    public mutating func add(_ key: String, _ value: Int?) {
        startField(key)
        text += value.map { String($0) } ?? "null"
    }

    /// Adds a number field; non-finite numbers (which JSON cannot hold) and nil become `null`.
    public mutating func add(_ key: String, _ value: Double?) {
        startField(key)
        if let value, value.isFinite { text += "\(value)" } else { text += "null" }
    }

    /// The finished object and its newline.
    public func finished() -> String { text + "}\n" }

    /// Creates an empty object.
    public init() {}

    /// Adds a boolean field, or `null`.
    public mutating func add(_ key: String, _ value: Bool?) {
        startField(key)
        text += value.map { $0 ? "true" : "false" } ?? "null"
    }

    /// Adds an integer field, or `null`.
    public mutating func add(_ key: String, _ value: Int64?) { add(key, value.map { Int($0) }) }

    /// Adds a nested object.
    public mutating func add(_ key: String, object: JSONLine) {
        startField(key)
        text += object.text + "}"
    }

    /// Adds an array of strings.
    public mutating func add(_ key: String, strings: [String]) {
        startField(key)
        text += "["
        for (index, value) in strings.enumerated() {
            if index > 0 { text += "," }
            text += "\""
            Self.appendEscaped(value, to: &text)
            text += "\""
        }
        text += "]"
    }

    /// Adds an array of objects.
    public mutating func add(_ key: String, objects: [JSONLine]) {
        startField(key)
        text += "[" + objects.map { $0.text + "}" }.joined(separator: ",") + "]"
    }

    private mutating func startField(_ key: String) {
        if !isEmpty { text.append(",") }
        isEmpty = false
        text.append("\"")
        Self.appendEscaped(key, to: &text)
        text += "\":"
    }

    static func appendEscaped(_ value: String, to text: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}",
                _ where scalar.value >= 0xAD && scalar.properties.generalCategory == .format:
                // Outside the BMP (U+E0001 and the tag characters) a format character is a surrogate pair.
                for unit in String(scalar).utf16 {
                    text += "\\u"
                    let digits = Array("0123456789abcdef")
                    var shift = 12
                    while shift >= 0 {
                        text.append(digits[Int((UInt32(unit) >> UInt32(shift)) & 0xF)])
                        shift -= 4
                    }
                }
            default: text.unicodeScalars.append(scalar)
            }
        }
    }
}
