/// Horizontal alignment of text inside a field.
public enum Alignment: Sendable, Hashable {
    /// Flush left.
    case left
    /// Flush right (numbers).
    case right
    /// Centred.
    case center
}
