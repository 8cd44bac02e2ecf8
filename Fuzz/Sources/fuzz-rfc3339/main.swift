// fuzz-rfc3339: `Timestamp.parse` and `Timestamp(rfc3339:)` against an independent reference
// parser of the documented grammar, plus the round trip through `Timestamp.rfc3339`.
//
// Input: the timestamp's bytes as they are, or — when the first byte is 0xFF — fields that
// build a near-valid timestamp (so the valid subset is explored as well as the garbage).

import AlpacaAPI
import FuzzSupport
import MarketModel

/// The reference parser, written from the documented grammar.
///
/// `YYYY-MM-DD(T|t| )HH:MM:SS[.f{1,9}](Z|z|±HH:MM)` with real calendar dates
/// (proleptic Gregorian, years 0000–9999), hour ≤ 23, minute ≤ 59, second ≤ 60 (60 read as 59),
/// offset hours ≤ 23 and minutes ≤ 59; nil when the instant does not fit Int64 nanoseconds.
/// Day counting uses a leap-year count, not the civil-from-days algorithm the product uses.
func reference(_ b: [UInt8]) -> Int64? {
    func digits(_ start: Int, _ count: Int) -> Int? {
        guard start + count <= b.count else { return nil }
        var v = 0
        for i in start..<(start + count) {
            guard (48...57).contains(b[i]) else { return nil }
            v = v * 10 + Int(b[i] - 48)
        }
        return v
    }
    func at(_ i: Int, _ allowed: String) -> Bool { i < b.count && allowed.utf8.contains(b[i]) }
    guard let year = digits(0, 4), at(4, "-"), let month = digits(5, 2), at(7, "-"), let day = digits(8, 2),
        at(10, "Tt "), let hour = digits(11, 2), at(13, ":"), let minute = digits(14, 2), at(16, ":"),
        let second = digits(17, 2)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthLengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...12).contains(month), (1...monthLengths[month - 1]).contains(day), hour <= 23, minute <= 59,
        second <= 60
    else { return nil }
    var i = 19
    var nanos = 0
    if at(i, ".") {
        var count = 0
        i += 1
        while i < b.count, (48...57).contains(b[i]) {
            count += 1
            guard count <= 9 else { return nil }
            nanos = nanos * 10 + Int(b[i] - 48)
            i += 1
        }
        guard count >= 1 else { return nil }
        for _ in count..<9 { nanos *= 10 }
    }
    var offset = 0
    if at(i, "Zz") {
        i += 1
    } else if at(i, "+-") {
        guard let oh = digits(i + 1, 2), at(i + 3, ":"), let om = digits(i + 4, 2), oh <= 23, om <= 59 else {
            return nil
        }
        offset = (oh * 60 + om) * 60 * (b[i] == UInt8(ascii: "-") ? -1 : 1)
        i += 6
    } else {
        return nil
    }
    guard i == b.count else { return nil }
    func leapYearsBefore(_ y: Int) -> Int { (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400 }
    func daysBeforeYear(_ y: Int) -> Int { 365 * y + leapYearsBefore(y) }
    let daysBeforeMonth = monthLengths.prefix(month - 1).reduce(0, +)
    let days = daysBeforeYear(year) - daysBeforeYear(1970) + daysBeforeMonth + day - 1
    let seconds = Int128(days) * 86_400 + Int128(hour * 3600 + minute * 60 + min(second, 59) - offset)
    let total = seconds * 1_000_000_000 + Int128(nanos)
    guard total >= Int128(Int64.min), total <= Int128(Int64.max) else { return nil }
    return Int64(total)
}

/// Builds a near-valid timestamp from fields.
func structured(_ reader: inout ByteReader) -> [UInt8] {
    func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    let yearChoices = [1677, 1678, 1969, 1970, 2000, 2024, 2261, 2262, 0, 9999]
    let y = reader.u16()
    let year = y & 0x8000 != 0 ? yearChoices[Int(y) % yearChoices.count] : Int(y) % 10_000
    let month = Int(reader.u8() % 14)
    let day = Int(reader.u8() % 33)
    let hour = Int(reader.u8() % 26)
    let minute = Int(reader.u8() % 62)
    let second = Int(reader.u8() % 62)
    let separators = ["T", "t", " ", "x"]
    let separator = separators[Int(reader.u8()) % separators.count]
    let fractionDigits = Int(reader.u8() % 11)
    var fraction = fractionDigits > 0 ? "." : ""
    for _ in 0..<fractionDigits { fraction += String(reader.u8() % 10) }
    let zoneKind = reader.u8() % 6
    let oh = Int(reader.u8() % 26)
    let om = Int(reader.u8() % 62)
    let zone: String
    switch zoneKind {
    case 0: zone = "Z"
    case 1: zone = "z"
    case 2: zone = "+" + pad(oh, 2) + ":" + pad(om, 2)
    case 3: zone = "-" + pad(oh, 2) + ":" + pad(om, 2)
    case 4: zone = ""
    default: zone = String(decoding: reader.chunk(), as: UTF8.self)
    }
    let text =
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + separator + pad(hour, 2) + ":" + pad(minute, 2)
        + ":" + pad(second, 2) + fraction + zone
    return Array(text.utf8)
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var reader = ByteReader(data, count)
    let bytes: [UInt8]
    if reader.bytes.first == 0xFF {
        _ = reader.u8()
        bytes = structured(&reader)
    } else {
        bytes = reader.bytes
    }
    let expected = reference(bytes)
    let parsed = bytes.withUnsafeBufferPointer { Timestamp.parse($0) }
    let shown = escaped(String(decoding: bytes, as: UTF8.self))
    require(
        parsed == expected,
        "Timestamp.parse(\"\(shown)\") = \(parsed.map(String.init) ?? "nil"), reference \(expected.map(String.init) ?? "nil")"
    )

    // The String initialiser agrees with the byte parser whenever the bytes are valid UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
        let viaString = Timestamp(rfc3339: text)
        require(viaString?.nanoseconds == parsed, "Timestamp(rfc3339: \"\(shown)\") disagrees with parse")
        // Inside a JSON string (no escapes needed) the wire reader agrees too.
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }),
            let document = try? JSONDocument(bytes: [UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")])
        {
            let viaJSON = try? document.root.timestamp()
            require(viaJSON?.nanoseconds == parsed, "JSONValue.timestamp() of \"\(shown)\" disagrees with parse")
        }
    }

    guard let nanoseconds = parsed else { return 0 }
    let timestamp = Timestamp(nanoseconds: nanoseconds)
    // Round trip: the UTC form parses back to the same instant.
    let text = timestamp.rfc3339
    require(
        Timestamp(rfc3339: text) == timestamp,
        "round trip of \"\(shown)\": \(nanoseconds) ns → \"\(text)\" → \(Timestamp(rfc3339: text).map { String($0.nanoseconds) } ?? "nil")"
    )
    require(reference(Array(text.utf8)) == nanoseconds, "reference disagrees with the UTC form \"\(text)\"")
    return 0
}
