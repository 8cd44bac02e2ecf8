/// One alert rule from the config file, parsed from text such as `AAPL last > 200`.
///
/// The grammar (one rule per string, words separated by spaces, case-insensitive keywords):
/// - `SYMBOL FIELD OP NUMBER` — FIELD is `last`, `bid`, `ask`, `mid`, `spread`, `change`,
///   `change%` or `volume`; OP is `>`, `>=`, `<` or `<=`: `AAPL last > 200`, `SPY change% < -2`.
/// - `quality SYMBOL OP SCORE` — `quality AAPL < 80`; `*` is any watched symbol.
/// - `stale SYMBOL > DURATION` — a symbol's validated data older than DURATION (`60s`, `5m`); `*` any.
/// - `rejections RULE > N/min` — rejections by a rule (`V009`, or `*` for all) in the last minute.
/// - `429s > N/min` — responses answered 429 in the last minute.
/// - `circuit open` — any host's circuit breaker open.
///
/// A trailing `±H` sets the hysteresis: after firing, the rule resolves only once the value is
/// back past the threshold by H (default: 0.1 % of a price threshold, 0.1 for `change%`, 5 points
/// of quality; none for ages and rates).
public struct AlertRule: Sendable, Equatable, CustomStringConvertible {
    /// A per-symbol quote field.
    public enum Field: String, Sendable, CaseIterable {
        /// The last trade price.
        case last
        /// The bid.
        case bid
        /// The ask.
        case ask
        /// The mid price.
        case mid
        /// The spread.
        case spread
        /// Last minus the previous close.
        case change
        /// The change as a percentage of the previous close.
        case changePercent = "change%"
        /// The day's volume.
        case volume
    }

    /// What the rule watches.
    public enum Subject: Sendable, Equatable {
        /// A quote field of one symbol.
        case quote(symbol: String, field: Field)
        /// The quality score of a symbol (nil: any watched symbol).
        case quality(symbol: String?)
        /// The age of a symbol's validated data in seconds (nil: any watched symbol).
        case age(symbol: String?)
        /// Rejections in the last minute by a rule (nil: all rules).
        case rejectionsPerMinute(rule: RuleID?)
        /// 429 responses in the last minute.
        case rateLimitedPerMinute
        /// Whether any circuit is open (1) or none (0).
        case circuitOpen
    }

    /// A comparison.
    public enum Comparison: String, Sendable {
        /// Strictly above.
        case above = ">"
        /// At or above.
        case atLeast = ">="
        /// Strictly below.
        case below = "<"
        /// At or below.
        case atMost = "<="

        /// Whether `value` meets the comparison against `threshold`.
        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .above: value > threshold
            case .atLeast: value >= threshold
            case .below: value < threshold
            case .atMost: value <= threshold
            }
        }

        /// Whether the value is upward-crossing (`>`, `>=`).
        public var isUpward: Bool { self == .above || self == .atLeast }
    }

    /// The longest rule text accepted.
    public static let maximumLength = 200
    /// The largest magnitude of a threshold.
    public static let maximumMagnitude = 1e12

    /// The rule as written (trimmed).
    public var text: String
    /// What it watches.
    public var subject: Subject
    /// How the value is compared.
    public var comparison: Comparison
    /// The threshold.
    public var threshold: Double
    /// How far back past the threshold the value must go to resolve.
    public var hysteresis: Double

    /// The rule as written.
    public var description: String { text }

    /// Parses one rule.
    /// - Parameter text: The rule's text.
    /// - Throws: `AlertRuleError` saying what is wrong.
    public init(_ text: String) throws(AlertRuleError) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw AlertRuleError("is empty") }
        guard trimmed.utf8.count <= Self.maximumLength else {
            throw AlertRuleError("is longer than \(Self.maximumLength) bytes")
        }
        var words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var hysteresis: Double?
        if let last = words.last, last.hasPrefix("±") {
            guard let value = Self.number(String(last.dropFirst())), value >= 0 else {
                throw AlertRuleError("has a hysteresis that is not a non-negative number")
            }
            hysteresis = value
            words.removeLast()
        }
        self.text = trimmed
        let keyword = words.first?.lowercased() ?? ""
        switch keyword {
        case "circuit":
            guard words.count == 2, words[1].lowercased() == "open" else {
                throw AlertRuleError("should read 'circuit open'")
            }
            (subject, comparison, threshold) = (.circuitOpen, .atLeast, 1)
            self.hysteresis = 0
            return
        case "429s":
            guard words.count == 3 else { throw AlertRuleError("should read '429s > N/min'") }
            subject = .rateLimitedPerMinute
            comparison = try Self.comparison(words[1])
            threshold = try Self.rate(words[2])
        case "rejections":
            guard words.count == 4 else { throw AlertRuleError("should read 'rejections RULE > N/min'") }
            subject = .rejectionsPerMinute(rule: try Self.rule(words[1]))
            comparison = try Self.comparison(words[2])
            threshold = try Self.rate(words[3])
        case "quality":
            guard words.count == 4 else { throw AlertRuleError("should read 'quality SYMBOL < SCORE'") }
            subject = .quality(symbol: try Self.symbol(words[1], wildcard: true))
            comparison = try Self.comparison(words[2])
            guard let score = Self.number(words[3]), (0...100).contains(score) else {
                throw AlertRuleError("has a quality score outside 0…100")
            }
            threshold = score
        case "stale":
            guard words.count == 4 || words.count == 3 else {
                throw AlertRuleError("should read 'stale SYMBOL > 60s'")
            }
            let symbolWord = words.count == 4 ? words[1] : "*"
            subject = .age(symbol: try Self.symbol(symbolWord, wildcard: true))
            comparison = try Self.comparison(words[words.count - 2])
            guard comparison.isUpward else { throw AlertRuleError("compares an age with > or >=") }
            guard let seconds = Self.seconds(words[words.count - 1]) else {
                throw AlertRuleError("has an age that is not a duration such as 60s or 5m")
            }
            threshold = seconds
        default:
            guard words.count == 4 else {
                throw AlertRuleError(
                    "is not a rule: try 'AAPL last > 200', 'quality AAPL < 80', 'stale * > 60s', "
                        + "'rejections V009 > 5/min', '429s > 3/min' or 'circuit open'")
            }
            let symbol = try Self.symbol(words[0], wildcard: false) ?? ""
            guard let field = Field(rawValue: words[1].lowercased()) else {
                throw AlertRuleError(
                    "has an unknown field '\(words[1])': use \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            subject = .quote(symbol: symbol, field: field)
            comparison = try Self.comparison(words[2])
            guard let value = Self.number(words[3]) else {
                throw AlertRuleError("has a threshold that is not a number")
            }
            threshold = value
        }
        self.hysteresis = hysteresis ?? Self.defaultHysteresis(subject, threshold)
    }

    private static func defaultHysteresis(_ subject: Subject, _ threshold: Double) -> Double {
        switch subject {
        case .quote(_, .changePercent): 0.1
        case .quote(_, .volume): 0
        case .quote: max(0.01, abs(threshold) * 0.001)
        case .quality: 5
        case .age, .rejectionsPerMinute, .rateLimitedPerMinute, .circuitOpen: 0
        }
    }

    private static func comparison(_ word: String) throws(AlertRuleError) -> Comparison {
        guard let comparison = Comparison(rawValue: word) else {
            throw AlertRuleError("has '\(word)' where >, >=, < or <= belongs")
        }
        return comparison
    }

    /// A finite number within ±``maximumMagnitude``.
    static func number(_ word: String) -> Double? {
        guard word.utf8.count <= 32, let value = Double(word), value.isFinite, abs(value) <= maximumMagnitude else {
            return nil
        }
        return value
    }

    private static func rate(_ word: String) throws(AlertRuleError) -> Double {
        let lower = word.lowercased()
        guard lower.hasSuffix("/min"), let value = number(String(lower.dropLast(4))), value >= 0 else {
            throw AlertRuleError("has a rate that is not N/min")
        }
        return value
    }

    private static func rule(_ word: String) throws(AlertRuleError) -> RuleID? {
        if word == "*" { return nil }
        let upper = word.uppercased()
        let scalars = Array(upper.unicodeScalars)
        guard scalars.count == 4, "VBQP".unicodeScalars.contains(scalars[0]),
            scalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) })
        else { throw AlertRuleError("names '\(word)', which is not a rule id such as V009") }
        return RuleID(rawValue: upper)
    }

    private static func symbol(_ word: String, wildcard: Bool) throws(AlertRuleError) -> String? {
        if wildcard && word == "*" { return nil }
        let upper = word.uppercased()
        guard SymbolFormat.isStock(upper) else { throw AlertRuleError("names '\(word)', which is not a stock symbol") }
        return upper
    }

    /// `90`, `90s`, `5m`, `1h` in seconds (at most a week).
    private static func seconds(_ word: String) -> Double? {
        let lower = word.lowercased()
        let units: [(String, Double)] = [("s", 1), ("m", 60), ("h", 3600)]
        var value = number(lower)
        for (suffix, scale) in units where value == nil && lower.hasSuffix(suffix) {
            value = number(String(lower.dropLast())).map { $0 * scale }
        }
        guard let value, value > 0, value <= 604_800 else { return nil }
        return value
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
