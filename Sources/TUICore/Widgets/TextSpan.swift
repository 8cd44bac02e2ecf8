/// A piece of text with a role, the unit of `Paragraph` lines and status-bar segments.
public struct TextSpan: Sendable, Equatable, ExpressibleByStringLiteral {
    /// The text (sanitized when drawn).
    public var text: String
    /// Its role.
    public var role: Theme.Role

    /// Creates a span.
    /// - Parameters:
    ///   - text: The text.
    ///   - role: The role.
    public init(_ text: String, role: Theme.Role = .body) {
        self.text = text
        self.role = role
    }

    /// Creates a body-styled span from a literal.
    /// - Parameter value: The text.
    public init(stringLiteral value: String) { self.init(value) }
}
