public import MarketMetrics
public import MarketModel
public import TUICore

/// What wakes the dashboard loop, already read from the terminal by its adapter (keys decoded, a
/// resize applied, a signal turned into an exit status).
public enum LoopEvent: Sendable {
    /// Keys the user pressed, in order.
    case keys([Key])
    /// The terminal has this size now and its contents were disturbed (a resize, or a return from
    /// suspension): everything is repainted.
    case resized(Size)
    /// The 1 Hz tick.
    case tick(Timestamp)
    /// The pipeline published data.
    case update(DashboardUpdate)
    /// Leave the loop with this exit status (a terminating signal, or a terminal that went away).
    case exit(Int32)
}
