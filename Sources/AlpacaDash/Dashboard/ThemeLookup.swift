import Foundation
import TUICore

/// Where a theme name leads: a built-in theme, a file that parses, a file that does not, or nothing.
///
/// Looks for `themes/NAME.json` in the working directory, then in
/// `$XDG_CONFIG_HOME/alpaca-dash/themes/` (or `~/.config/alpaca-dash/themes/`).
enum ThemeLookup: Equatable {
    /// A compiled-in theme.
    case builtIn(String)
    /// A file that parses and resolves.
    case file(String)
    /// A file that does not parse or resolve, with why.
    case invalid(String, String)
    /// Nothing by that name.
    case missing(String)

    /// The compiled-in names.
    static let builtInNames: Set<String> = ["default", "monochrome"]

    /// Finds a theme.
    /// - Parameters:
    ///   - name: The name; nil for `default`.
    ///   - environment: The process environment (for the config folder).
    /// - Returns: Where it leads, and the theme when it resolves.
    static func find(named name: String?, environment: [String: String]) -> ThemeLookup {
        resolve(named: name, environment: environment).lookup
    }

    /// Finds a theme and resolves it.
    static func resolve(named name: String?, environment: [String: String]) -> (lookup: ThemeLookup, theme: Theme?) {
        let name = name ?? "default"
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }) else {
            return (.invalid(name, "a theme name is letters, digits, - and _"), nil)
        }
        let configHome =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        let candidates = [
            FileManager.default.currentDirectoryPath + "/themes/\(name).json",
            configHome + "/alpaca-dash/themes/\(name).json",
        ]
        for path in candidates {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            do {
                let theme = try ThemeFile.decode(Array(data)).resolve()
                return (.file(path), theme)
            } catch {
                return (.invalid(path, "\(error)"), nil)
            }
        }
        if builtInNames.contains(name) { return (.builtIn(name), name == "monochrome" ? .monochrome : .default) }
        return (.missing(name), nil)
    }
}
