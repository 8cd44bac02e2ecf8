/// The seed's data-quality score (0–100) with the reasons for every deduction.
public struct QualityScore: Sendable, Equatable {
    /// The score, 0–100.
    public var score: Int
    /// One entry per deduction, for example "age 45s (-15)".
    public var reasons: [String]

    /// Creates a score.
    public init(score: Int, reasons: [String]) {
        self.score = score
        self.reasons = reasons
    }
}
