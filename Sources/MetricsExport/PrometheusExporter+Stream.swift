import MarketMetrics
import MarketModel
import Prometheus

extension PrometheusExporter {
    /// The stream's states, for `alpaca_dash_stream_state{state}`.
    static let streamStates = ["off", "connecting", "streaming", "reconnecting", "polling"]

    /// The name of a stream state in the metrics.
    static func name(of state: StreamStatus.State) -> String {
        switch state {
        case .off: "off"
        case .connecting: "connecting"
        case .streaming: "streaming"
        case .reconnecting: "reconnecting"
        case .polling: "polling"
        }
    }

    /// The series of the market-data stream, as of `stream` (its totals become counters).
    func record(stream: StreamStatus) {
        let state = Self.name(of: stream.state)
        for name in Self.streamStates {
            gauge("stream_state", nil, "1 for the market-data stream's current state.", [("state", name)])
                .set(to: name == state ? 1 : 0)
        }
        gauge("stream_subscribed_symbols", nil, "Symbols the stream delivers.").set(to: Double(stream.subscribed.count))
        gauge("stream_polled_symbols", nil, "Symbols past the plan's symbol limit, polled instead.")
            .set(to: Double(stream.overflow.count))
        for (type, count) in stream.messagesTotal where type.count <= 12 {
            total("stream_messages", "Stream messages received, by type.", count, [("type", type)])
        }
        total("stream_reconnects", "Stream connections made after the first.", stream.reconnects)
        total("stream_stalls", "Stalls detected: a session on and the stream silent past the threshold.", stream.stalls)
        total("stream_reseeds", "Reseeds from REST snapshots after a (re)connect.", stream.reseeds)
        total("stream_gaps", "Times the stream was lost with symbols subscribed.", stream.gaps)
        total("stream_rejected", "Stream messages rejected by a rule.", stream.rejected)
        total("stream_out_of_order", "Stream values older than the one held (V011).", stream.outOfOrder)
        for (quantile, value) in [("0.5", stream.lagP50), ("0.99", stream.lagP99)] {
            guard let value, value.isFinite else { continue }
            gauge(
                "stream_lag", "seconds", "Arrival minus the message's own time, over recent messages.",
                [("quantile", quantile)]
            ).set(to: value / 1000)
        }
    }

    /// Tick → painted, by quantile over every frame so far, and how many frames it covers.
    func record(tickToPaint histogram: LatencyHistogram) {
        total(
            "stream_painted_frames", "Frames sent to the terminal that showed a new stream message.",
            histogram.count)
        for (quantile, fraction) in [("0.5", 0.5), ("0.99", 0.99)] {
            guard let value = histogram.percentile(fraction), value.isFinite else { continue }
            gauge(
                "stream_tick_to_paint", "seconds",
                "Stream message arrival to the first frame showing it sent to the terminal.",
                [("quantile", quantile)]
            ).set(to: value)
        }
    }

    private func total(_ name: String, _ help: String, _ value: Int, _ labels: [(String, String)] = []) {
        // The stream keeps totals: the counter is set to the total (never lower).
        let counter = registry.makeCounter(descriptor: Self.descriptor(name, "total", help), labels: labels)
        counter.reset()
        counter.increment(by: Int64(max(0, value)))
    }
}
