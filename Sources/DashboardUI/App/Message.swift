public import MarketMetrics
public import MarketModel
public import TUICore

/// Everything that can happen to the dashboard; `update` turns each into state changes and effects.
public enum Message: Sendable, Equatable {
    /// A key was pressed.
    case key(Key)
    /// The terminal changed size.
    case resize(Size)
    /// The pipeline published new data.
    case update(DashboardUpdate)
    /// A second passed (only ages timestamps on screen).
    case tick(now: Timestamp)
}
