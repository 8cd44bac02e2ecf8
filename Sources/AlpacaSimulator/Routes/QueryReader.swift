import Foundation
import MarketModel

/// Reads and validates query parameters, answering with the host's error style.
struct QueryReader: Sendable {
    /// Which API's error conventions apply.
    enum Style: Sendable {
        /// Market data: 400 `40010001`.
        case data
        /// Trading: 422 `40010001`.
        case trading
    }

    /// The decoded query.
    let query: [String: String]
    /// The error style.
    let style: Style

    /// The error for a bad parameter.
    func invalid(_ message: String) -> APIError {
        style == .data ? .badParameter(message) : .unprocessable(message)
    }

    /// A non-empty value, or nil.
    func string(_ name: String) -> String? {
        guard let value = query[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer within `range`, or `defaultValue` when absent.
    func int(_ name: String, default defaultValue: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = string(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw invalid("invalid \(name): must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }

    /// A finite number, or nil when absent.
    func double(_ name: String) throws(APIError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else { throw invalid("invalid \(name)") }
        return value
    }

    /// A `YYYY-MM-DD` date, or nil when absent.
    func date(_ name: String) throws(APIError) -> CalendarDate? {
        guard let text = string(name) else { return nil }
        guard let value = CalendarDate(iso: text) else { throw invalid("invalid \(name)") }
        return value
    }

    /// An RFC-3339 time or a date (New York midnight, or the day's last nanosecond when `endOfDay`).
    func time(_ name: String, endOfDay: Bool = false) throws(APIError) -> Timestamp? {
        guard let text = string(name) else { return nil }
        if let value = Timestamp(rfc3339: text) { return value }
        if let date = CalendarDate(iso: text) {
            let midnight = NewYorkTime.instant(date: date, secondOfDay: 0)
            return endOfDay
                ? NewYorkTime.instant(date: date.adding(days: 1), secondOfDay: 0).adding(seconds: -1e-9) : midnight
        }
        throw invalid("invalid \(name)")
    }

    /// One of a fixed set of values, or `defaultValue` when absent.
    func choice(_ name: String, _ allowed: [String], default defaultValue: String) throws(APIError) -> String {
        guard let text = string(name) else { return defaultValue }
        guard allowed.contains(text) else { throw invalid("invalid \(name): \(text)") }
        return text
    }

    /// The comma-separated list in `name`, trimmed, de-duplicated, in request order.
    func list(_ name: String) -> [String] {
        guard let text = string(name) else { return [] }
        var seen = Set<String>()
        var result: [String] = []
        for part in text.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if !item.isEmpty, seen.insert(item).inserted { result.append(item) }
        }
        return result
    }

    /// Stock symbols from `name`; each must be syntactically valid.
    func stockSymbols(_ name: String = "symbols", required: Bool = true) throws(APIError) -> [String] {
        let symbols = list(name)
        if symbols.isEmpty && required { throw invalid("missing \(name)") }
        for symbol in symbols where !SymbolFormat.isStock(symbol) { throw invalid("invalid symbol: \(symbol)") }
        return symbols
    }

    /// Option contract symbols from `name` (at most 100); each must be a valid OCC symbol.
    func optionSymbols(_ name: String = "symbols") throws(APIError) -> [OCCSymbol] {
        let symbols = list(name)
        if symbols.isEmpty { throw invalid("missing \(name)") }
        if symbols.count > 100 { throw invalid("too many symbols: \(symbols.count) (max 100)") }
        return try symbols.map { (symbol: String) throws(APIError) -> OCCSymbol in
            guard let contract = OCCSymbol(symbol) else { throw invalid("invalid symbol: \(symbol)") }
            return contract
        }
    }
}
