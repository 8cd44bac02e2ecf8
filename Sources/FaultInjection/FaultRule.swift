import MarketModel

/// One rule of a ``FaultSpec``: a kind, when it fires, and where.
public struct FaultRule: Sendable, Equatable, CustomStringConvertible {
    /// When a rule fires on a request (transport kinds) or a symbol's value (data kinds).
    public enum Trigger: Sendable, Equatable {
        /// Every match.
        case always
        /// Each match with this probability (0–1).
        case probability(Double)
        /// The first `count` matches.
        case count(Int)
        /// Every match for this many seconds after the spec was set.
        case duration(seconds: Double)
        /// The Nth, 2Nth, 3Nth… match: a steady, predictable rate.
        case every(Int)
    }

    /// What is injected.
    public var kind: FaultKind
    /// When.
    public var trigger: Trigger
    /// The request paths it applies to (`*` matches anything); nil for all.
    public var pathGlob: String?
    /// The symbols it applies to (data kinds); nil for all.
    public var symbols: Set<String>?

    /// Creates a rule.
    public init(kind: FaultKind, trigger: Trigger = .always, pathGlob: String? = nil, symbols: Set<String>? = nil) {
        self.kind = kind
        self.trigger = trigger
        self.pathGlob = pathGlob
        self.symbols = symbols
    }

    /// Parses one rule: `kind[:param][@p|#n|~s][/glob][=SYMBOL]` (more symbols follow as items).
    static func parse(_ item: String) throws(FaultSpecError) -> FaultRule {
        var rest = Substring(item)
        var symbols: Set<String>?
        if let equals = rest.firstIndex(of: "=") {
            let symbol = String(rest[rest.index(after: equals)...])
            guard SymbolFormat.isStock(symbol) || OCCSymbol(symbol) != nil else {
                throw FaultSpecError(item: item, reason: "'\(symbol)' is not a stock or OCC option symbol")
            }
            symbols = [symbol]
            rest = rest[..<equals]
        }
        var glob: String?
        if let slash = rest.firstIndex(of: "/") {
            glob = String(rest[slash...])
            rest = rest[..<slash]
        }
        var trigger = Trigger.always
        if let mark = rest.firstIndex(where: { $0 == "@" || $0 == "#" || $0 == "~" || $0 == "%" }) {
            let value = rest[rest.index(after: mark)...]
            switch rest[mark] {
            case "@":
                guard let p = Double(value), p.isFinite, (0...1).contains(p) else {
                    throw FaultSpecError(item: item, reason: "a probability is 0…1")
                }
                trigger = .probability(p)
            case "#":
                guard let n = Int(value), (1...1_000_000).contains(n) else {
                    throw FaultSpecError(item: item, reason: "a count is 1…1000000")
                }
                trigger = .count(n)
            case "%":
                guard let n = Int(value), (1...1_000_000).contains(n) else {
                    throw FaultSpecError(item: item, reason: "an interval is 1…1000000 matches")
                }
                trigger = .every(n)
            default:
                let digits = value.hasSuffix("s") ? value.dropLast() : value
                guard let s = Double(digits), s.isFinite, (0.001...86_400).contains(s) else {
                    throw FaultSpecError(item: item, reason: "a duration is 0.001…86400 seconds")
                }
                trigger = .duration(seconds: s)
            }
            rest = rest[..<mark]
        }
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let kind = try FaultKind.parse(name: parts[0], parameter: parts.count > 1 ? parts[1] : nil, item: item)
        if symbols != nil && kind.isTransport {
            throw FaultSpecError(item: item, reason: "\(kind.name) acts on whole responses and takes no symbols")
        }
        return FaultRule(kind: kind, trigger: trigger, pathGlob: glob, symbols: symbols)
    }

    /// Whether `path` matches the rule's glob (`*` matches any run of characters).
    public func matches(path: String) -> Bool {
        guard let pathGlob else { return true }
        return Self.glob(Array(pathGlob.utf8)[...], Array(path.utf8)[...])
    }

    private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        // Iterative wildcard match with one backtrack point: linear in practice, no recursion.
        var p = pattern.startIndex
        var t = text.startIndex
        var star: Int?
        var resume = t
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                resume = t
            } else if p < pattern.endIndex, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let s = star {
                p = s + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// The rule as written in a spec.
    public var description: String {
        var text = kind.name
        if case .status = kind {
        } else if case .hostileError = kind {
        } else if let parameter = kind.parameter {
            text += ":\(parameter)"
        }
        switch trigger {
        case .always: break
        case .probability(let p): text += "@\(p)"
        case .count(let n): text += "#\(n)"
        case .duration(let s): text += "~\(s)s"
        case .every(let n): text += "%\(n)"
        }
        if let pathGlob { text += pathGlob }
        if let symbols { text += "=" + symbols.sorted().joined(separator: ",") }
        return text
    }
}
