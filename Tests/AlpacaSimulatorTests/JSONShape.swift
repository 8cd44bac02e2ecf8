import Foundation

/// A decoded JSON value for shape comparisons in tests.
indirect enum AnyJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([AnyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: AnyJSON].self))
        }
    }

    /// Parses bytes.
    static func parse(_ bytes: [UInt8]) throws -> AnyJSON { try JSONDecoder().decode(AnyJSON.self, from: Data(bytes)) }

    /// Parses text.
    static func parse(_ text: String) throws -> AnyJSON { try parse(Array(text.utf8)) }

    /// Member access.
    subscript(key: String) -> AnyJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Element access.
    subscript(index: Int) -> AnyJSON? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// The number, if this is one.
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The string, if this is one.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    var members: [String: AnyJSON] {
        if case .object(let members) = self { return members }
        return [:]
    }

    /// The items, if this is an array.
    var items: [AnyJSON] {
        if case .array(let items) = self { return items }
        return []
    }

    /// Whether symbol-like keys (upper-case tickers, OCC symbols) are collapsed into `*`.
    private static func isSymbolKey(_ key: String) -> Bool {
        key.count >= 2 && key.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 }
    }

    /// Differences between this value's shape and `other`'s: key sets and value types, with maps keyed
    /// by symbols compared entry-to-entry and `null` matching anything.
    func shapeDifferences(from other: AnyJSON, path: String = "$") -> [String] {
        switch (self, other) {
        case (.null, _), (_, .null): return []
        case (.bool, .bool), (.number, .number), (.string, .string): return []
        case (.array(let a), .array(let b)):
            guard let first = a.first, let second = b.first else { return [] }
            return first.shapeDifferences(from: second, path: path + "[0]")
        case (.object(let a), .object(let b)):
            let aSymbols = !a.isEmpty && a.keys.allSatisfy(Self.isSymbolKey)
            let bSymbols = !b.isEmpty && b.keys.allSatisfy(Self.isSymbolKey)
            if aSymbols && bSymbols {
                let x = a[a.keys.sorted()[0]]!
                let y = b[b.keys.sorted()[0]]!
                return x.shapeDifferences(from: y, path: path + ".*")
            }
            var result: [String] = []
            for key in Set(a.keys).symmetricDifference(b.keys).sorted() {
                result.append("\(path).\(key) present on one side only")
            }
            for key in Set(a.keys).intersection(b.keys).sorted() {
                result += a[key]!.shapeDifferences(from: b[key]!, path: path + "." + key)
            }
            return result
        default:
            return ["\(path): \(self.kind) vs \(other.kind)"]
        }
    }

    private var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
