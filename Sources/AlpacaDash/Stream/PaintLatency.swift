import MarketMetrics
import MarketModel
import Synchronization

/// Tick → painted: how long after a stream message arrived the first frame showing it was sent to
/// the terminal, for the Prometheus scrape (`alpaca_dash_stream_tick_to_paint_seconds`).
final class PaintLatency: Sendable {
    private let histogram = Mutex(LatencyHistogram())

    /// The figures so far.
    var value: LatencyHistogram { histogram.withLock { $0 } }

    /// Records a frame sent at `now` that shows a message which arrived at `arrival`.
    func record(arrival: Timestamp, now: Timestamp) {
        let seconds = now.seconds(since: arrival)
        guard seconds.isFinite, seconds >= 0 else { return }
        histogram.withLock { $0.record(seconds: seconds) }
    }
}
