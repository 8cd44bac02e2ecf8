/// What typed characters do.
public enum InputMode: Sendable, Hashable {
    /// Keys trigger bindings.
    case normal
    /// Characters edit the current panel's filter.
    case filter
    /// Characters edit a symbol to add to the watchlist.
    case addSymbol(String)
}
