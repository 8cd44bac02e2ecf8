/// How much room one part of a `Layout` asks for.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less when there is not enough room).
    case length(Int)
    /// A percentage of the whole.
    case percentage(Int)
    /// At least this many cells, and a share of what is left over like `fill(1)`.
    case min(Int)
    /// A weighted share of the room left after the other constraints.
    case fill(Int)
}
