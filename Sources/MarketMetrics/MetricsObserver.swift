/// Receives every measurement as it is recorded, for exporters that need the individual
/// observations (Prometheus histograms) rather than the registry's summaries.
///
/// Called outside the registry's locks, on the recording task; implementations must be cheap and
/// thread-safe.
public protocol MetricsObserver: Sendable {
    /// Values went through a pipeline stage, taking `secondsPerValue` each.
    func stageRecorded(_ name: String, successes: Int, failures: Int, secondsPerValue: Double)
    /// One upstream attempt ended (`status` nil when no response came).
    func requestRecorded(endpoint: String, status: Int?, seconds: Double)
    /// A value was rejected by `rule` with the failure `code`.
    func rejectionRecorded(rule: String, code: String)
    /// A symbol's quality score was computed.
    func qualityRecorded(symbol: String, score: Int)
    /// Symbols' quality scores were computed, in that order (a stream frame's, at once).
    func qualitiesRecorded(_ scores: [(symbol: String, score: Int)])
}

extension MetricsObserver {
    /// Each score in turn, through ``qualityRecorded(symbol:score:)``.
    public func qualitiesRecorded(_ scores: [(symbol: String, score: Int)]) {
        for (symbol, score) in scores { qualityRecorded(symbol: symbol, score: score) }
    }
}
