import FaultInjection
import MarketModel

/// Applies data faults to one snapshot entry in its wire shape (`latestQuote`, `latestTrade`, …).
enum DataFault {
    /// Hostile text as upstream strings could carry it: an OSC title change, a screen clear, a C1
    /// CSI, CR, BS, BiDi override, zero-width space and a 10 kB run.
    static let hostileText =
        "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\r\u{08}\u{202E}evil\u{200B}" + String(repeating: "W", count: 10_000)

    /// The entry with `kinds` applied, and the key to serve it under.
    ///
    /// `stale:S` stamps S seconds before `priceTime`, the time of the prices served (outside the
    /// session, the last one's close), so the value is always older than the real one would be;
    /// `future:S` stamps S seconds after `now`, the simulator clock, so it is always ahead of it.
    static func apply(
        _ kinds: [FaultKind], to entry: JSONValue, key: String, now: Timestamp, priceTime: Timestamp
    ) -> (key: String, entry: JSONValue) {
        var entry = entry
        var key = key
        for kind in kinds {
            switch kind {
            case .null: entry = .null
            case .badOCC: key = "NOT-AN-OCC-" + key
            default: entry = apply(kind, to: entry, now: now, priceTime: priceTime)
            }
        }
        return (key, entry)
    }

    /// One kind applied to one bar (`o h l c v t`); kinds without a bar meaning leave it alone.
    static func applyToBar(_ kind: FaultKind, _ bar: JSONValue) -> JSONValue {
        guard case .object(var members) = bar else { return bar }
        switch kind {
        case .zero: members["c"] = .number(0)
        case .negative: members["l"] = .number(-1.5)
        case .nan: members["h"] = .string("NaN")
        case .huge: members["h"] = .raw("1e400")
        case .missing: members["c"] = nil
        case .mistyped: members["v"] = .bool(true)
        case .stringNumber: if case .number(let close)? = members["c"] { members["c"] = .string("\(close)") }
        case .null: return .null
        case .ancient: members["t"] = .string("0001-01-01T00:00:00Z")
        default: break
        }
        return .object(members)
    }

    private static func apply(_ kind: FaultKind, to entry: JSONValue, now: Timestamp, priceTime: Timestamp) -> JSONValue
    {
        guard case .object(var members) = entry else { return entry }
        var quote = members["latestQuote"].flatMap { if case .object(let m) = $0 { m } else { nil } }
        var trade = members["latestTrade"].flatMap { if case .object(let m) = $0 { m } else { nil } }
        func stamp(_ time: Timestamp) {
            if quote != nil { quote?["t"] = .string(time.rfc3339) }
            if trade != nil { trade?["t"] = .string(time.rfc3339) }
        }
        switch kind {
        case .missing: quote = nil
        case .renamed:
            if let q = quote { members["latest_quote"] = .object(q) }
            quote = nil
        case .mistyped: if trade != nil { trade?["s"] = .bool(true) }
        case .stringNumber: if case .number(let bid)? = quote?["bp"] { quote?["bp"] = .string("\(bid)") }
        case .crossed:
            if let bid = quote?["bp"], let ask = quote?["ap"], case .number(let a) = ask, case .number(let b) = bid {
                quote?["bp"] = .number(((max(a, b) + 0.05) * 100).rounded() / 100)
                quote?["ap"] = .number(min(a, b))
            }
        case .noQuote:
            if quote != nil { for field in ["bp", "ap", "bs", "as"] { quote?[field] = .number(0) } }
        case .locked: if let ask = quote?["ap"] { quote?["bp"] = ask }
        case .zero: if trade != nil { trade?["p"] = .number(0) }
        case .negative: if quote != nil { quote?["bp"] = .number(-1.5) }
        case .nan: if quote != nil { quote?["ap"] = .string("NaN") }
        case .huge: if quote != nil { quote?["ap"] = .raw("1e400") }
        case .stale(let seconds): stamp(priceTime.adding(seconds: -Double(seconds)))
        case .future(let seconds): stamp(now.adding(seconds: Double(seconds)))
        case .outOfOrder(let seconds):
            if case .string(let text)? = quote?["t"], let time = Timestamp(rfc3339: text) {
                quote?["t"] = .string(time.adding(seconds: -Double(seconds)).rfc3339)
            }
        case .ancient: if quote != nil { quote?["t"] = .string("0001-01-01T00:00:00Z") }
        case .farFuture: if quote != nil { quote?["t"] = .string("9999-12-31T23:59:59Z") }
        case .hostile:
            if quote != nil {
                quote?["bx"] = .string(hostileText)
                quote?["c"] = .array([.string(hostileText)])
            }
            if trade != nil { trade?["c"] = .array([.string(hostileText)]) }
        default: break
        }
        members["latestQuote"] = quote.map { .object($0) }
        members["latestTrade"] = trade.map { .object($0) }
        if quote == nil { members.removeValue(forKey: "latestQuote") }
        if trade == nil { members.removeValue(forKey: "latestTrade") }
        return .object(members)
    }
}
