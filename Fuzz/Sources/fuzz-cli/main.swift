// fuzz-cli: the parsers of what a user types or a test tool sends: `URLParts` (the loopback rule
// for `--data-url`/`--trading-url`), `BarTimeframe` (`bars --timeframe`), `SymbolFormat` (the
// watchlist), `HTTPDate` (`Retry-After`) and `FaultSpec` (`--faults`, `POST /_sim/faults`).
//
// Input: byte 0 picks the parser; the rest is the text (UTF-8, repaired).
//
// Invariants: nothing traps; a host accepted as loopback for plain http is `localhost`, `::1` or
// a canonical dotted quad in 127/8, and a URL with user info, a backslash or a percent sign in its
// authority is never accepted; an accepted timeframe is in Alpaca's ranges and its canonical form
// parses back to itself; an accepted stock symbol is 1–20 characters of A–Z, 0–9 and `.`; an
// accepted HTTP date is a second between years 0 and 9999; an accepted fault spec prints as text
// that parses back to the same spec.

import AlpacaAPI
import FaultInjection
import Foundation
import FuzzSupport
import HTTPCore
import MarketModel

func checkURL(_ text: String) {
    guard let parts = URLParts(text) else { return }
    require(parts.scheme == "http" || parts.scheme == "https", "scheme \(parts.scheme) accepted")
    require(!parts.host.isEmpty, "empty host accepted in \(escaped(text))")
    if let port = parts.port { require((1...65_535).contains(port), "port \(port) accepted") }
    guard parts.scheme == "http", parts.isAllowedUpstream else { return }
    let host = parts.host
    let octets = host.split(separator: ".", omittingEmptySubsequences: false)
    let dottedQuad =
        octets.count == 4 && octets[0] == "127"
        && octets.allSatisfy { o in
            !o.isEmpty && o.count <= 3 && o.allSatisfy { $0.isASCII && $0.isNumber } && (o == "0" || !o.hasPrefix("0"))
                && Int(o)! <= 255
        }
    require(
        host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" || dottedQuad,
        "plain http allowed to \(escaped(host)) from \(escaped(text))")
    // The authority ends at the first `/`, `?` or `#` after `//` (RFC 3986, as libcurl reads it).
    let afterScheme = text.range(of: "://").map { text[$0.upperBound...] } ?? ""
    let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    require(
        !authority.contains("@") && !authority.contains("\\") && !authority.contains("%"),
        "an authority with user info or escapes passed: \(escaped(text))")
}

func checkTimeframe(_ text: String) {
    guard let frame = BarTimeframe(text) else { return }
    switch frame.unit {
    case .minute: require((1...59).contains(frame.amount), "\(frame)")
    case .hour: require((1...23).contains(frame.amount), "\(frame)")
    case .day, .week: require(frame.amount == 1, "\(frame)")
    case .month: require([1, 2, 3, 4, 6, 12].contains(frame.amount), "\(frame)")
    }
    require(BarTimeframe(frame.description) == frame, "\(frame) does not parse back")
}

func checkSymbol(_ text: String) {
    guard SymbolFormat.isStock(text) else { return }
    require((1...SymbolFormat.maximumStockLength).contains(text.utf8.count), "length of \(escaped(text))")
    require(
        text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 46 },
        "characters of \(escaped(text))")
    require(OCCSymbol(text) == nil, "\(text) is both a stock and an option")
}

func checkDate(_ text: String) {
    guard let seconds = HTTPDate.parse(text) else { return }
    // 0000-01-01 … 9999-12-31T23:59:59.
    require(seconds >= -62_167_219_200 && seconds <= 253_402_300_799, "\(seconds) from \(escaped(text))")
}

func checkFaults(_ text: String) {
    guard let spec = try? FaultSpec.parse(text) else { return }
    require(spec.rules.count <= 64, "\(spec.rules.count) rules")
    let printed = spec.description
    guard let again = try? FaultSpec.parse(printed) else { violated("\(escaped(printed)) does not parse back") }
    require(again == spec, "\(escaped(printed)) parses to another spec")
    for rule in spec.rules { _ = rule.matches(path: "/v2/stocks/snapshots") }
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var reader = ByteReader(data, count)
    let choice = reader.u8()
    let text = String(decoding: reader.rest(), as: UTF8.self)
    switch choice % 5 {
    case 0: checkURL(text)
    case 1: checkTimeframe(text)
    case 2: checkSymbol(text)
    case 3: checkDate(text)
    default: checkFaults(text)
    }
    return 0
}
