/// A set of styles looked up by semantic role; widgets ask for a role, never for a colour.
public struct Theme: Sendable, Equatable {
    /// The theme's name.
    public var name: String
    /// The style of every role the theme defines.
    public var styles: [Role: Style]

    /// Creates a theme from resolved styles.
    /// - Parameters:
    ///   - name: The theme's name.
    ///   - styles: Styles by role; missing roles fall back to `body`.
    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style of a role, falling back to its parent (`table.header` → `table`) and then `body`.
    /// - Parameter role: The role.
    /// - Returns: The style to draw with.
    public func style(_ role: Role) -> Style {
        if let style = styles[role] { return style }
        var name = role.rawValue
        while let dot = name.lastIndex(of: ".") {
            name = String(name[..<dot])
            if let style = styles[Role(rawValue: name)] { return style }
        }
        return styles[.body] ?? .plain
    }

    /// The compiled-in dark theme, identical to `themes/default.json`; used when no file is found.
    public static let `default`: Theme = {
        do {
            return try ThemeFile.decode(Array(defaultJSON.utf8)).resolve()
        } catch {
            preconditionFailure("compiled-in theme is invalid: \(error)")
        }
    }()

    /// A theme without colours: every role is the plain style plus the attributes of `default`.
    public static let monochrome: Theme = {
        var styles: [Role: Style] = [:]
        for (role, style) in Theme.default.styles {
            styles[role] = Style(attributes: style.attributes)
        }
        return Theme(name: "monochrome", styles: styles)
    }()
}
