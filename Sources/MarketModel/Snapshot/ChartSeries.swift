/// The bars of the chart screen: one symbol at one timeframe, each slot a validated bar or the
/// rejection that took its place (drawn as a gap, never interpolated).
public struct ChartSeries: Sendable, Equatable {
    /// One bar's place in the series.
    public enum Slot: Sendable, Equatable {
        /// A bar that passed the pipeline.
        case bar(Bar)
        /// A bar the pipeline rejected, with its time when it could be read.
        case rejected(time: Timestamp?, failure: PipelineFailure)
    }

    /// The timeframes the chart offers, in the order `t` steps through them.
    public static let timeframes = ["1Min", "5Min", "15Min", "1Hour", "1Day"]

    /// The symbol.
    public var symbol: String
    /// The timeframe, one of ``timeframes``.
    public var timeframe: String
    /// Oldest first.
    public var slots: [Slot]
    /// When the bars were fetched.
    public var fetchedAt: Timestamp?
    /// Why the bars could not be fetched (the last good slots stay).
    public var failure: PipelineFailure?

    /// Creates a series.
    public init(
        symbol: String, timeframe: String, slots: [Slot] = [], fetchedAt: Timestamp? = nil,
        failure: PipelineFailure? = nil
    ) {
        self.symbol = symbol
        self.timeframe = timeframe
        self.slots = slots
        self.fetchedAt = fetchedAt
        self.failure = failure
    }

    /// The rejected slots' rule ids, in order of first appearance.
    public var rejectedRules: [RuleID] {
        var rules: [RuleID] = []
        for case .rejected(_, let failure) in slots {
            if let rule = failure.rule, !rules.contains(rule) { rules.append(rule) }
        }
        return rules
    }
}
