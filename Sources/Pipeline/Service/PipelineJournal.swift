public import MarketMetrics
public import MarketModel
import Synchronization

/// What the ops panels read about rejections and quality: the ring of the last validation
/// failures with counts per rule, and each symbol's quality score with its recent history.
public final class PipelineJournal: Sendable {
    private struct State {
        var ring: [ValidationFailureRecord] = []
        var next = 0
        var counts: [RuleID: Int] = [:]
        var quality: [String: (current: QualityScore?, history: [Int])] = [:]
    }

    /// How many failures the ring keeps.
    public let capacity: Int
    /// How many scores each symbol's history keeps.
    public let historyLength: Int
    private let state = Mutex(State())
    private let audit: AuditLog?
    private let observer: (any MetricsObserver)?

    /// Creates a journal.
    /// - Parameters:
    ///   - capacity: Failures kept (default 500).
    ///   - historyLength: Scores kept per symbol.
    ///   - audit: The audit trail, which also receives every rejection.
    ///   - observer: Receives every rejection and quality score (the Prometheus exporter).
    public init(
        capacity: Int = 500, historyLength: Int = 60, audit: AuditLog? = nil, observer: (any MetricsObserver)? = nil
    ) {
        self.capacity = capacity
        self.historyLength = historyLength
        self.audit = audit
        self.observer = observer
    }

    /// Records a rejection that carries a rule id (others are not validation failures).
    public func record(_ failure: PipelineFailure, at time: Timestamp) {
        guard let rule = failure.rule, let symbol = failure.symbol else { return }
        let record = ValidationFailureRecord(
            time: time, symbol: symbol, rule: rule, code: failure.code, message: failure.message)
        state.withLock { s in
            if s.ring.count < capacity {
                s.ring.append(record)
            } else {
                s.ring[s.next] = record
            }
            s.next = (s.next + 1) % capacity
            s.counts[rule, default: 0] += 1
        }
        audit?.recordRejection(record)
        observer?.rejectionRecorded(rule: rule.rawValue, code: failure.code.rawValue)
    }

    /// The most symbols whose quality history is kept; past it, a new symbol is not tracked.
    ///
    /// Scores are recorded only for symbols the user asked for (the watchlist, a chain's
    /// underlying), never for keys an upstream body chose, so this bound is a second line.
    public static let maximumSymbols = 10_000

    /// Records a symbol's latest quality score.
    public func record(quality: QualityScore, for symbol: String) {
        record(qualities: [(symbol, quality)])
    }

    /// Records many symbols' latest quality scores under one lock (a stream frame's).
    /// - Parameter qualities: Each symbol's score, in the order they were computed.
    public func record(qualities: [(symbol: String, quality: QualityScore)]) {
        guard !qualities.isEmpty else { return }
        state.withLock { s in
            for (symbol, quality) in qualities {
                // In place: the history is appended to where it lives, and trimmed only when it has
                // grown to twice its length (a copy per score cost more than all the rules).
                if let slot = s.quality.index(forKey: symbol) {
                    s.quality.values[slot].current = quality
                    s.quality.values[slot].history.append(quality.score)
                    if s.quality.values[slot].history.count >= 2 * historyLength {
                        s.quality.values[slot].history.removeFirst(historyLength)
                    }
                } else if s.quality.count < Self.maximumSymbols {
                    s.quality[symbol] = (quality, [quality.score])
                }
            }
        }
        observer?.qualitiesRecorded(qualities.map { ($0.symbol, $0.quality.score) })
    }

    /// The failures, newest first.
    public var failures: [ValidationFailureRecord] {
        state.withLock { s in
            guard s.ring.count == capacity else { return s.ring.reversed() }
            return Array((s.ring[s.next...] + s.ring[..<s.next]).reversed())
        }
    }

    /// How many symbols have a quality history.
    public var trackedSymbolCount: Int { state.withLock { $0.quality.count } }

    /// Failure counts per rule since start.
    public var counts: [RuleID: Int] { state.withLock { $0.counts } }

    /// Quality rows for the given symbols, in that order.
    public func quality(for symbols: [String]) -> [QualityRow] {
        state.withLock { s in
            symbols.map {
                QualityRow(
                    symbol: $0, current: s.quality[$0]?.current,
                    history: s.quality[$0].map { Array($0.history.suffix(historyLength)) } ?? [])
            }
        }
    }
}
