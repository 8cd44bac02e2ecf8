/// Why a theme file could not be used.
public enum ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A colour reference names neither a palette entry nor a colour.
    case unresolvedColor(reference: String, context: String)
    /// A role the dashboard needs is not defined.
    case missingRole(String)
    /// The file defines a role the dashboard does not know (probably a typo).
    case unknownRole(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unresolvedColor(let reference, let context): return "\(context): unknown colour '\(reference)'"
        case .missingRole(let role): return "role '\(role)' is not defined"
        case .unknownRole(let role): return "role '\(role)' is not a known role"
        }
    }
}
