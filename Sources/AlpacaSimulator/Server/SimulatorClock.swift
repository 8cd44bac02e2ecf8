public import MarketModel

/// Where the simulator gets "now" from.
public enum SimulatorClock: Sendable, Hashable {
    /// The machine's wall clock.
    case system
    /// A fixed instant: bodies become a pure function of seed, configuration and request sequence.
    case fixed(Timestamp)
    /// The wall clock off by a number of seconds (positive: ahead), to provoke `doctor`'s skew check.
    case skewed(seconds: Double)

    /// The current instant according to this clock.
    public func now() -> Timestamp {
        switch self {
        case .system: Timestamp.now()
        case .fixed(let instant): instant
        case .skewed(let seconds): Timestamp.now().adding(seconds: seconds)
        }
    }
}
