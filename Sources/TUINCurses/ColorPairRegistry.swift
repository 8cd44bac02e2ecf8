/// Hands out ncurses colour pairs lazily, one per (foreground, background), within `COLOR_PAIRS`.
///
/// Pure: no ncurses calls.
///
/// Pair 0 is the terminal default and is never allocated; when every pair is taken, new
/// combinations fall back to pair 0 (attributes still apply, so states stay readable).
public struct ColorPairRegistry: Sendable, Equatable {
    /// A colour combination: terminal colour numbers, -1 for the default.
    public struct Key: Sendable, Hashable {
        /// Foreground colour number.
        public var foreground: Int16
        /// Background colour number.
        public var background: Int16

        /// Creates a key.
        public init(foreground: Int16, background: Int16) {
            self.foreground = foreground
            self.background = background
        }
    }

    /// The number of pairs available (from `COLOR_PAIRS`, capped to what `init_pair` takes).
    public let capacity: Int
    /// Pairs allocated so far.
    public private(set) var pairs: [Key: Int16]

    /// Creates an empty registry.
    /// - Parameter capacity: `COLOR_PAIRS`.
    public init(capacity: Int) {
        self.capacity = max(1, min(capacity, Int(Int16.max)))
        self.pairs = [:]
    }

    /// The pair for a combination, allocating it when new.
    /// - Parameter key: The colours.
    /// - Returns: The pair number and whether it was just allocated (the caller must `init_pair` it).
    public mutating func pair(for key: Key) -> (pair: Int16, isNew: Bool) {
        if key.foreground == -1 && key.background == -1 { return (0, false) }
        if let existing = pairs[key] { return (existing, false) }
        guard pairs.count + 1 < capacity else { return (0, false) }
        let number = Int16(pairs.count + 1)
        pairs[key] = number
        return (number, true)
    }

    /// Forgets every pair (after the terminal was reinitialised).
    public mutating func reset() { pairs = [:] }
}
