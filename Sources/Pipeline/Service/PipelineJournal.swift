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
        state.withLock { s in
            guard s.quality[symbol] != nil || s.quality.count < Self.maximumSymbols else { return }
            var entry = s.quality[symbol] ?? (nil, [])
            entry.current = quality
            entry.history.append(quality.score)
            if entry.history.count > historyLength { entry.history.removeFirst(entry.history.count - historyLength) }
            s.quality[symbol] = entry
        }
        observer?.qualityRecorded(symbol: symbol, score: quality.score)
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
                QualityRow(symbol: $0, current: s.quality[$0]?.current, history: s.quality[$0]?.history ?? [])
            }
        }
    }
}
