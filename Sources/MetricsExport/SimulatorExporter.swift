import Prometheus
import Synchronization

/// The simulator's counters (`/_sim/stats`) in the Prometheus text format, for `sim --metrics-addr`.
///
/// It takes plain totals, so this module stays independent of the simulator's. The path label is
/// bounded: the first ``maximumPaths`` paths get series of their own, later ones count as `other`.
public final class SimulatorExporter: Sendable {
    /// The most paths with a series of their own.
    public static let maximumPaths = 200

    private let registry = PrometheusCollectorRegistry()
    private let paths = Mutex<Set<String>>([])
    private let scrape = Mutex(())

    /// Creates an exporter with no series yet.
    public init() {}

    /// The simulator's totals at one scrape.
    public struct Totals: Sendable {
        /// Requests by path (without query).
        public var requestsByPath: [String: Int]
        /// Responses by HTTP status.
        public var responsesByStatus: [Int: Int]
        /// Faults injected by kind name.
        public var faultsByKind: [String: Int]
        /// TCP connections accepted.
        public var connectionsAccepted: Int

        /// Creates the totals.
        public init(
            requestsByPath: [String: Int], responsesByStatus: [Int: Int], faultsByKind: [String: Int],
            connectionsAccepted: Int
        ) {
            self.requestsByPath = requestsByPath
            self.responsesByStatus = responsesByStatus
            self.faultsByKind = faultsByKind
            self.connectionsAccepted = connectionsAccepted
        }
    }

    /// The text exposition of `totals` (Prometheus text format 0.0.4).
    /// - Parameter totals: The simulator's counters now.
    /// - Returns: The body of `GET /metrics`.
    public func exposition(_ totals: Totals) -> [UInt8] {
        scrape.withLock { _ in
            var byLabel: [String: Int] = [:]
            paths.withLock { known in
                for (path, count) in totals.requestsByPath {
                    if !known.contains(path) && known.count < Self.maximumPaths { known.insert(path) }
                    byLabel[known.contains(path) ? path : "other", default: 0] += count
                }
            }
            for (path, count) in byLabel {
                set("sim_requests", "Requests the simulator answered, by path.", [("path", path)], count)
            }
            for (status, count) in totals.responsesByStatus {
                set("sim_responses", "Responses the simulator sent, by status.", [("status", String(status))], count)
            }
            for (kind, count) in totals.faultsByKind {
                set("sim_faults", "Faults the simulator injected, by kind.", [("kind", kind)], count)
            }
            set("sim_connections", "TCP connections the simulator accepted.", [], totals.connectionsAccepted)
            return registry.emitToBuffer()
        }
    }

    /// Sets a counter to a total the simulator keeps (totals never go down).
    private func set(_ name: String, _ help: String, _ labels: [(String, String)], _ value: Int) {
        let counter = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "alpaca_dash", metricName: name, unitName: "total", helpText: help),
            labels: labels)
        counter.reset()
        counter.increment(by: Int64(value))
    }
}
