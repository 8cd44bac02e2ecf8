/// A symbol's quality score now and its recent history (oldest first).
public struct QualityRow: Sendable, Equatable {
    /// The symbol.
    public var symbol: String
    /// The latest score with its reasons; nil when the symbol has never passed validation.
    public var current: QualityScore?
    /// Recent scores, oldest first (bounded).
    public var history: [Int]

    /// Creates a row.
    public init(symbol: String, current: QualityScore?, history: [Int]) {
        self.symbol = symbol
        self.current = current
        self.history = history
    }
}
