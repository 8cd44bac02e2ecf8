import MarketMetrics

/// Runs one stage over a batch and records its successes, failures and duration.
///
/// Stages run stage by stage over the whole batch, so the clock is read twice per stage per
/// batch rather than per value; the duration sample is the batch's time divided over its values.
struct StageTimer {
    let metrics: MetricsRegistry?

    /// Runs `body` over the slots in `live`, keeps the slots it passes, and records the stage.
    /// - Parameters:
    ///   - stage: The stage's name in the metrics.
    ///   - live: The slots still in the running; on return, those `body` passed.
    ///   - body: The stage for one slot: true when the value passes.
    func run(_ stage: String, _ live: inout [Int], _ body: (Int) -> Bool) {
        guard !live.isEmpty else { return }
        let start = ContinuousClock.now
        let count = live.count
        live.removeAll { !body($0) }
        guard let metrics else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.recordStageBatch(
            stage, successes: live.count, failures: count - live.count, secondsPerValue: seconds / Double(count))
    }
}
