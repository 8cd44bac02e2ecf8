/// Which upstream the dashboard is talking to; shown in the status bar at all times.
public enum DataOrigin: String, Sendable, Hashable, Codable {
    /// Real Alpaca through the paper trading host.
    case livePaper = "LIVE paper"
    /// Real Alpaca through the live trading host.
    case live = "LIVE"
    /// The built-in simulator.
    case simulated = "SIMULATED"
}
