/// What typed characters do.
public enum InputMode: Sendable, Hashable {
    /// Keys trigger bindings.
    case normal
    /// Characters edit the current panel's filter.
    case filter
    /// Characters edit a symbol to add to the watchlist.
    case addSymbol(String)
    /// Characters edit a delta to jump to in the option chain (`0.30`).
    case deltaTarget(String)
}
