import FaultInjection
import Synchronization

/// The fault spec in force and its state: a seeded random stream, how often each count rule has
/// fired, when the spec was set, and how many faults of each kind were injected.
///
/// Deterministic: for the same seed and the same order of requests, the same faults fire.
final class FaultLayer: Sendable {
    private struct State {
        var spec: FaultSpec?
        var random = SplitMix64(seed: 1)
        var fired: [Int] = []
        var matched: [Int] = []
        var setAt: Double = 0
        var counts: [String: Int] = [:]
    }

    private let state = Mutex(State())
    private let now: @Sendable () -> Double

    /// Creates a layer with a spec in force (or none), reading time from `now` (seconds).
    init(spec: FaultSpec?, now: @escaping @Sendable () -> Double) {
        self.now = now
        set(spec)
    }

    /// Replaces the spec (nil removes every fault); counts of injected faults are kept.
    func set(_ spec: FaultSpec?) {
        let time = now()
        state.withLock { s in
            s.spec = spec
            s.random = SplitMix64(seed: spec?.seed ?? 1)
            s.fired = Array(repeating: 0, count: spec?.rules.count ?? 0)
            s.matched = s.fired
            s.setAt = time
        }
    }

    /// The spec in force.
    var spec: FaultSpec? { state.withLock { $0.spec } }

    /// Injected faults by kind name.
    var counts: [String: Int] { state.withLock { $0.counts } }

    /// The first transport fault that fires for a request to `path`, if any (and counts it).
    func transportFault(path: String) -> FaultKind? {
        guard !path.hasPrefix("/_sim") else { return nil }
        return fire(path: path, target: .response, symbol: nil).first
    }

    /// The page fault that fires for a paginated response to `path`, if any (and counts it).
    func pageFault(path: String) -> FaultKind? { fire(path: path, target: .page, symbol: nil).first }

    /// The stream-message fault that fires for the next message on a stream at `path`, if any.
    func messageFault(path: String) -> FaultKind? { fire(path: path, target: .message, symbol: nil).first }

    /// The data faults that fire for `symbol`'s value in a response to `path` (and counts them).
    func dataFaults(path: String, symbol: String) -> [FaultKind] { fire(path: path, target: .value, symbol: symbol) }

    private func fire(path: String, target: FaultKind.Target, symbol: String?) -> [FaultKind] {
        let time = now()
        return state.withLock { s in
            guard let spec = s.spec else { return [] }
            var out: [FaultKind] = []
            for (index, rule) in spec.rules.enumerated() {
                guard rule.kind.target == target, rule.matches(path: path) else { continue }
                if let symbol, let symbols = rule.symbols, !symbols.contains(symbol) { continue }
                s.matched[index] += 1
                let fires: Bool
                switch rule.trigger {
                case .always: fires = true
                case .probability(let p): fires = s.random.nextUnit() < p
                case .count(let n): fires = s.fired[index] < n
                case .duration(let seconds): fires = time - s.setAt < seconds
                case .every(let n): fires = s.matched[index] % n == 0
                }
                guard fires else { continue }
                s.fired[index] += 1
                s.counts[rule.kind.name, default: 0] += 1
                out.append(rule.kind)
                if symbol == nil { break }
            }
            return out
        }
    }
}

/// A small seeded generator (SplitMix64): the same seed gives the same stream on every platform.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
