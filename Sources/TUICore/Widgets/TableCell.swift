/// One cell of a `TableRow`: text (sanitized when drawn) and an optional role.
public struct TableCell: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text.
    public var text: String
    /// The role laid over the row's style, if any.
    public var role: Theme.Role?
    /// When true the cell runs to the right edge of the table, hiding the cells after it.
    public var spansRemaining: Bool

    /// Creates a cell.
    /// - Parameters:
    ///   - text: The text.
    ///   - role: A role for this cell.
    ///   - spansRemaining: Whether it runs to the right edge.
    public init(_ text: String, role: Theme.Role? = nil, spansRemaining: Bool = false) {
        self.text = text
        self.role = role
        self.spansRemaining = spansRemaining
    }

    /// Creates a plain cell from a literal.
    /// - Parameter value: The text.
    public init(stringLiteral value: String) { self.init(value) }
}
