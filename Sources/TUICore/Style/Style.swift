/// How a cell looks: foreground, background and attributes.
public struct Style: Sendable, Hashable, CustomStringConvertible {
    /// The foreground colour.
    public var foreground: Color
    /// The background colour.
    public var background: Color
    /// Bold, dim, italic, underline, reverse.
    public var attributes: TextAttributes

    /// Creates a style.
    /// - Parameters:
    ///   - foreground: The foreground colour.
    ///   - background: The background colour.
    ///   - attributes: Text attributes.
    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with another laid over it: the overlay's non-default colours win and attributes add up.
    /// - Parameter overlay: The style on top.
    /// - Returns: The combined style.
    public func patched(with overlay: Style) -> Style {
        Style(
            foreground: overlay.foreground == .default ? foreground : overlay.foreground,
            background: overlay.background == .default ? background : overlay.background,
            attributes: attributes.union(overlay.attributes)
        )
    }

    /// `fg=… bg=… bold …`, as printed in snapshot style sections.
    public var description: String {
        var parts = ["fg=\(foreground)", "bg=\(background)"]
        for (name, flag) in TextAttributes.names where attributes.contains(flag) { parts.append(name) }
        return parts.joined(separator: " ")
    }
}
