public import MarketMetrics

/// Runs one stage over a batch and records its successes, failures and duration.
///
/// Stages run stage by stage over the whole batch, so the clock is read twice per stage per
/// batch rather than per value; the duration sample is the batch's time divided over its values.
struct StageTimer {
    let metrics: MetricsRegistry?

    func run<Input, Output>(
        _ stage: String, _ inputs: [Input], _ body: (Input) -> Output?
    ) -> [Output?] {
        let start = ContinuousClock.now
        let outputs = inputs.map(body)
        guard let metrics, !inputs.isEmpty else { return outputs }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let failures = outputs.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        metrics.recordStageBatch(
            stage, successes: outputs.count - failures, failures: failures,
            secondsPerValue: seconds / Double(inputs.count))
        return outputs
    }
}
