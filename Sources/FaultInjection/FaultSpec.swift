import Foundation
import MarketModel

/// What the simulator's fault layer injects: a list of rules and a seed (`sim --faults SPEC`,
/// `POST /_sim/faults`).
///
/// The grammar, one rule after another joined by `,`:
///
///     spec    = item *( "," item )
///     item    = "seed=" digits | "drill" | rule
///     rule    = kind [ ":" param ] [ trigger ] [ path-glob ] [ "=" symbols ]
///     trigger = "@" probability        ; each matching request or value, with this chance (0–1)
///             | "#" count              ; the first `count` matching requests or values
///             | "~" seconds [ "s" ]    ; every matching one for this long after the spec is set
///             | "%" n                  ; the nth, 2nth, 3nth… matching one
///     path-glob = "/" …                ; request paths it applies to, `*` matching anything
///     symbols = SYMBOL *( "," SYMBOL ) ; data kinds: only these symbols (upper case, so a
///                                      ; following lower-case kind starts the next rule)
///
/// Without a trigger a rule fires on every match. `drill` stands for ``drill``, the preset an ops
/// person can watch. Transport kinds act on whole responses; data kinds change one symbol's values
/// in the wire shape, so the client sees exactly what Alpaca could send. See ``FaultKind``.
public struct FaultSpec: Sendable, Equatable, CustomStringConvertible {
    /// The rules, in order; the first transport rule that fires answers a request.
    public var rules: [FaultRule]
    /// The seed of every random choice (deterministic for the same seed and request order).
    public var seed: UInt64

    /// Creates a spec.
    public init(rules: [FaultRule] = [], seed: UInt64 = 1) {
        self.rules = rules
        self.seed = seed
    }

    /// The preset `--faults drill`: a few rejections a minute across a watchlist refreshed every
    /// 2 s, an occasional 429 and 503, a hostile name and exchange code, and a stale quote.
    public static let drill = """
        crossed@0.01,nan@0.005,future:600@0.005,stale:3600@0.005,null@0.005,string-number@0.005,\
        ancient@0.003,hostile@0.01,status:503%8/v2/stocks/*,status:429%11/v2/stocks/*,\
        latency:800@0.05
        """

    /// Parses a spec.
    /// - Parameter text: The spec text.
    /// - Throws: `FaultSpecError` naming the item at fault and why.
    public static func parse(_ text: String) throws(FaultSpecError) -> FaultSpec {
        var spec = FaultSpec()
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard text.utf8.count <= 8192 else { throw FaultSpecError(item: "", reason: "longer than 8192 bytes") }
        for item in items {
            guard !item.isEmpty else { throw FaultSpecError(item: item, reason: "empty item") }
            if item == "drill" {
                spec.rules += try parse(drill).rules
            } else if item.hasPrefix("seed=") {
                guard let seed = UInt64(item.dropFirst(5)) else {
                    throw FaultSpecError(item: item, reason: "the seed must be a whole number")
                }
                spec.seed = seed
            } else if item.first.map({ $0.isUppercase || $0.isNumber }) == true {
                // A symbol continuing the previous rule's list.
                guard var last = spec.rules.popLast(), last.symbols != nil else {
                    throw FaultSpecError(item: item, reason: "a symbol must follow a rule's '='")
                }
                guard SymbolFormat.isStock(item) || OCCSymbol(item) != nil else {
                    throw FaultSpecError(item: item, reason: "not a stock or OCC option symbol")
                }
                last.symbols?.insert(item)
                spec.rules.append(last)
            } else {
                spec.rules.append(try FaultRule.parse(item))
            }
        }
        guard spec.rules.count <= 64 else { throw FaultSpecError(item: "", reason: "more than 64 rules") }
        return spec
    }

    /// The spec in its text form (with the seed last).
    public var description: String {
        (rules.map(\.description) + ["seed=\(seed)"]).joined(separator: ",")
    }
}

/// A spec that does not parse: which item, and why.
public struct FaultSpecError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The item at fault.
    public var item: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error.
    public init(item: String, reason: String) {
        self.item = item
        self.reason = reason
    }

    /// `invalid fault spec item "…": reason`.
    public var description: String {
        let printable = item.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(80)
        return "invalid fault spec item \"\(String(String.UnicodeScalarView(printable)))\": \(reason)"
    }
}
