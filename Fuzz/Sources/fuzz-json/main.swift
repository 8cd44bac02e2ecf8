// fuzz-json: the project's JSON reader (`JSONDocument`/`JSONValue`) differentially against
// Foundation's `JSONSerialization` (with `.fragmentsAllowed`, since `JSONDocument` accepts any
// value at the top level).
//
// Same verdict, and on accepted texts the same values: numbers compared as Double, strings
// scalar for scalar, objects by key set (then member by member), arrays element by element.
// The deliberate differences, documented in docs/reliability.md (Fuzzing), are not failures:
//   - limits: nesting of 512 containers, and more than one token per four bytes of text, are
//     refused by the project's reader ("nesting too deep" / "more than one value per four bytes");
//   - repair: invalid UTF-8 inside strings and lone UTF-16 surrogates in `\u` escapes are
//     accepted and read as U+FFFD, where Foundation refuses the text;
//   - duplicate keys: every member is kept; Foundation keeps one (the key sets are compared,
//     and the values of keys that occur once);
//   - numbers beyond Double's range (1e400): accepted as text, refused when read as a value;
//     Foundation refuses the text;
//   - Foundation's own leniency: it reads a trailing comma before `]`/`}`;
//   - encodings: Foundation also reads UTF-16/UTF-32 texts (detected from NUL bytes or a BOM);
//     inputs with a NUL byte in the first four bytes or a BOM are compared for "no crash" only.

import AlpacaAPI
import Foundation
import FuzzSupport

/// Whether the text needs the documented repair: it is not valid UTF-8, or a `\u` escape is a
/// UTF-16 surrogate not paired as high-then-low (both read as U+FFFD by the project's reader).
func needsRepair(_ bytes: [UInt8]) -> Bool {
    if String(validating: bytes, as: UTF8.self) == nil { return true }
    func hex4(_ i: Int) -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for b in bytes[i..<(i + 4)] {
            guard let d = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
            v = v << 4 | UInt32(d)
        }
        return v
    }
    var i = 0
    while i < bytes.count {
        guard bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count else {
            i += 1
            continue
        }
        guard bytes[i + 1] == UInt8(ascii: "u"), let unit = hex4(i + 2) else {
            i += 2
            continue
        }
        i += 6
        if (0xDC00..<0xE000).contains(unit) { return true }
        if (0xD800..<0xDC00).contains(unit) {
            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                let low = hex4(i + 2), (0xDC00..<0xE000).contains(low)
            else { return true }
            i += 6
        }
    }
    return false
}

/// Whether the text has a comma followed (after whitespace) by `]` or `}` outside strings:
/// Foundation's JSONSerialization on Linux accepts that, as JSON does not.
func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
    var inString = false
    var escapedNext = false
    var afterComma = false
    for b in bytes {
        if inString {
            if escapedNext {
                escapedNext = false
            } else if b == UInt8(ascii: "\\") {
                escapedNext = true
            } else if b == UInt8(ascii: "\"") {
                inString = false
            }
            continue
        }
        switch b {
        case UInt8(ascii: "\""):
            inString = true
            afterComma = false
        case UInt8(ascii: ","): afterComma = true
        case UInt8(ascii: "]"), UInt8(ascii: "}"): if afterComma { return true }
        case 0x20, 0x09, 0x0A, 0x0D: break
        default: afterComma = false
        }
    }
    return false
}

/// Whether a number anywhere in the document lies beyond Double's range (Foundation refuses
/// the text: "not representable"; the project's reader accepts it and refuses the value).
func hasHugeNumber(_ value: JSONValue) -> Bool {
    if value.isNumber { return (try? value.double()) == nil }
    if value.isObject { return ((try? value.members()) ?? []).contains { hasHugeNumber($0.value) } }
    if value.isArray { return ((try? value.elements()) ?? []).contains { hasHugeNumber($0) } }
    return false
}

/// Foundation's booleans are NSNumbers of Objective-C type `c`; its integers are `i`/`q`/`Q`.
func isBoolean(_ number: NSNumber) -> Bool { String(cString: number.objCType) == "c" }

/// Calls every accessor on a value (none may trap), whatever its kind.
func exercise(_ value: JSONValue) {
    _ = value.memberCount
    _ = value.rawText
    _ = try? value.double()
    _ = try? value.int64()
    _ = try? value.bool()
    _ = try? value.string()
    _ = try? value.stringList()
    _ = try? value.timestamp()
    _ = value["symbol"]
    _ = try? value.forEachMember(coded: { _, _ throws(DecodeError) in })
}

/// Compares one value of each reader; `path` names it in a failure message.
func compare(_ ours: JSONValue, _ theirs: Any, path: String) {
    exercise(ours)
    if ours.isNull {
        require(theirs is NSNull, "\(path): null here, \(type(of: theirs)) in Foundation")
    } else if ours.isString {
        let text = (try? ours.string()) ?? ""
        guard let other = theirs as? String else { violated("\(path): string here, \(type(of: theirs)) in Foundation") }
        require(
            Array(text.unicodeScalars) == Array(other.unicodeScalars),
            "\(path): string \"\(escaped(text))\" here, \"\(escaped(other))\" in Foundation")
    } else if ours.isNumber {
        guard let number = theirs as? NSNumber, !isBoolean(number) else {
            violated("\(path): number here, \(type(of: theirs)) in Foundation")
        }
        let other = number.doubleValue
        if let value = try? ours.double() {
            // Exact against the standard library's correctly rounded `Double(String)`; within a
            // relative 1e-9 against Foundation, whose reader on Linux is not correctly rounded for
            // long mantissas (0.047540520834498785 reads as 0.047540520834498765 there, and
            // 1.79769313486000000000000000001 as 1.7976931348600012).
            let exact = Double(ours.rawText)
            require(
                exact == value,
                "\(path): number \(ours.rawText) reads \(value) here, \(exact.map { "\($0)" } ?? "nil") by Double(String)"
            )
            require(
                abs(value - other) <= max(abs(value), abs(other)) * 1e-9,
                "\(path): number \(ours.rawText) reads \(value) here, \(other) in Foundation")
        } else {
            // Only a magnitude beyond Double's range may fail to read as a finite double.
            require(
                !other.isFinite || other == 0, "\(path): number \(ours.rawText) unreadable here, \(other) in Foundation"
            )
        }
        if let integer = try? ours.int64(), integer.magnitude <= 1 << 53 {
            // The same references as for doubles (54740990.000000000000000000000000001 reads as
            // 54740990.00000002 in Foundation).
            require(
                Double(integer) == Double(ours.rawText),
                "\(path): integer \(integer) here, \(Double(ours.rawText).map { "\($0)" } ?? "nil") by Double(String)")
            require(
                abs(Double(integer) - other) <= max(1, abs(other)) * 1e-9,
                "\(path): integer \(integer) here, \(other) in Foundation")
        }
    } else if ours.isObject {
        guard let dictionary = theirs as? [String: Any] else {
            violated("\(path): object here, \(type(of: theirs)) in Foundation")
        }
        let members = (try? ours.members()) ?? []
        let ourKeys = Set(members.map { Array($0.key.unicodeScalars) })
        let theirKeys = Set(dictionary.keys.map { Array($0.unicodeScalars) })
        require(
            ourKeys == theirKeys, "\(path): key sets differ (\(ourKeys.count) here, \(theirKeys.count) in Foundation)")
        let byScalars = Dictionary(dictionary.map { (Array($0.key.unicodeScalars), $0.value) }) { a, _ in a }
        let counts = Dictionary(members.map { (Array($0.key.unicodeScalars), 1) }, uniquingKeysWith: +)
        for (key, member) in members where counts[Array(key.unicodeScalars)] == 1 {
            compare(member, byScalars[Array(key.unicodeScalars)]!, path: path + "." + escaped(key))
        }
    } else if ours.isArray {
        guard let array = theirs as? [Any] else { violated("\(path): array here, \(type(of: theirs)) in Foundation") }
        let elements = (try? ours.elements()) ?? []
        require(elements.count == array.count, "\(path): \(elements.count) elements here, \(array.count) in Foundation")
        for (index, element) in elements.enumerated() { compare(element, array[index], path: path + "[\(index)]") }
    } else {
        let flag = (try? ours.bool()) ?? false
        guard let other = theirs as? NSNumber, isBoolean(other) else {
            violated("\(path): boolean here, \(type(of: theirs)) in Foundation")
        }
        require(other.boolValue == flag, "\(path): \(flag) here, \(other.boolValue) in Foundation")
    }
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let bytes = ByteReader(data, count).bytes
    let ours: Result<JSONDocument, JSONError>
    do throws(JSONError) { ours = .success(try JSONDocument(bytes: bytes)) } catch { ours = .failure(error) }

    // Foundation guesses UTF-16/32 from NUL bytes and BOMs; such inputs only have to not crash.
    let head = bytes.prefix(4)
    let otherEncoding =
        head.contains(0) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF])
        || bytes.starts(with: [0xFF, 0xFE])
    if otherEncoding {
        if case .success(let document) = ours { exercise(document.root) }
        return 0
    }
    let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])

    switch (ours, theirs) {
    case (.failure(let error), nil):
        require(error.offset >= 0 && error.offset <= bytes.count, "error offset \(error.offset) outside the text")
    case (.failure(let error), .some):
        // The documented limits refuse texts Foundation reads; Foundation also reads a trailing
        // comma before `]` or `}`, which JSON (RFC 8259) does not allow.
        let limits = ["nesting too deep", "more than one value per four bytes"]
        require(
            limits.contains(error.message) || hasTrailingComma(bytes),
            "refused here (\(error)), accepted by Foundation")
    case (.success(let document), nil):
        // The documented repair accepts texts Foundation refuses.
        require(
            needsRepair(bytes) || hasHugeNumber(document.root),
            "accepted here, refused by Foundation: \(escaped(String(decoding: bytes.prefix(200), as: UTF8.self)))")
    case (.success(let document), .some(let value)):
        if needsRepair(bytes) {
            exercise(document.root)
        } else {
            compare(document.root, value, path: "$")
        }
    }
    return 0
}
