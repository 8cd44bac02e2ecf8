import Foundation

/// The JSON form of a theme (`themes/*.json`): a named palette plus a style per semantic role.
///
/// ```json
/// { "name": "default",
///   "palette": { "fg": "#d0d0d0", "green": "#50fa7b" },
///   "roles": { "body": { "fg": "fg" }, "price.up": { "fg": "green", "bold": true } } }
/// ```
/// A colour reference is a palette name, or a colour spelled directly (`default`, `red`,
/// `color208`, `#rrggbb`).
public struct ThemeFile: Sendable, Equatable, Codable {
    /// The style of one role in the file.
    public struct RoleSpec: Sendable, Equatable, Codable {
        /// Foreground colour reference.
        public var fg: String?
        /// Background colour reference.
        public var bg: String?
        /// Bold.
        public var bold: Bool?
        /// Dim.
        public var dim: Bool?
        /// Italic.
        public var italic: Bool?
        /// Underline.
        public var underline: Bool?
        /// Reverse video.
        public var reverse: Bool?

        /// Creates a role spec.
        public init(
            fg: String? = nil, bg: String? = nil, bold: Bool? = nil, dim: Bool? = nil, italic: Bool? = nil,
            underline: Bool? = nil, reverse: Bool? = nil
        ) {
            self.fg = fg
            self.bg = bg
            self.bold = bold
            self.dim = dim
            self.italic = italic
            self.underline = underline
            self.reverse = reverse
        }
    }

    /// The theme's name.
    public var name: String
    /// Named colours.
    public var palette: [String: String]
    /// Styles by role name.
    public var roles: [String: RoleSpec]

    /// Creates a theme file value.
    public init(name: String, palette: [String: String], roles: [String: RoleSpec]) {
        self.name = name
        self.palette = palette
        self.roles = roles
    }

    /// Decodes a theme file.
    /// - Parameter bytes: The JSON bytes.
    /// - Returns: The decoded file.
    /// - Throws: `DecodingError` when the JSON does not match the format.
    public static func decode(_ bytes: [UInt8]) throws -> ThemeFile {
        try JSONDecoder().decode(ThemeFile.self, from: Data(bytes))
    }

    /// Resolves colour references into a `Theme`.
    /// - Returns: The theme.
    /// - Throws: `ThemeError.unresolvedColor` when a reference names neither a palette entry nor a colour.
    public func resolve() throws -> Theme {
        var palette: [String: Color] = [:]
        for (key, value) in self.palette {
            guard let color = Color(parsing: value) else {
                throw ThemeError.unresolvedColor(reference: value, context: "palette.\(key)")
            }
            palette[key] = color
        }
        func color(_ reference: String?, _ context: String) throws -> Color {
            guard let reference else { return .default }
            if let named = palette[reference] { return named }
            if let direct = Color(parsing: reference) { return direct }
            throw ThemeError.unresolvedColor(reference: reference, context: context)
        }
        var styles: [Theme.Role: Style] = [:]
        for (key, spec) in roles {
            var attributes: TextAttributes = []
            if spec.bold == true { attributes.insert(.bold) }
            if spec.dim == true { attributes.insert(.dim) }
            if spec.italic == true { attributes.insert(.italic) }
            if spec.underline == true { attributes.insert(.underline) }
            if spec.reverse == true { attributes.insert(.reverse) }
            styles[Theme.Role(rawValue: key)] = Style(
                foreground: try color(spec.fg, "roles.\(key).fg"),
                background: try color(spec.bg, "roles.\(key).bg"),
                attributes: attributes
            )
        }
        return Theme(name: name, styles: styles)
    }

    /// Checks that the file resolves and defines every role in `Theme.Role.all`.
    /// - Returns: The resolved theme.
    /// - Throws: `ThemeError` naming the first problem found.
    @discardableResult
    public func validate() throws -> Theme {
        let theme = try resolve()
        for role in Theme.Role.all where roles[role.rawValue] == nil {
            throw ThemeError.missingRole(role.rawValue)
        }
        for key in roles.keys.sorted() where !Theme.Role.all.contains(Theme.Role(rawValue: key)) {
            throw ThemeError.unknownRole(key)
        }
        return theme
    }
}
