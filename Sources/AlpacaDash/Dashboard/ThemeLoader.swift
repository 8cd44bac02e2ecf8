import Foundation
import TUICore

/// Loads a theme by name, falling back to the compiled-in default.
///
/// Looks for `themes/NAME.json` in the working directory, then in
/// `$XDG_CONFIG_HOME/alpaca-dash/themes/` (or `~/.config/alpaca-dash/themes/`). A missing or invalid
/// file falls back to `Theme.default` (or `Theme.monochrome` for the name `monochrome`).
/// - Parameter name: The theme name (`default`, `light`, `high-contrast`, `monochrome`, …); nil for `default`.
/// - Returns: The theme.
func loadTheme(named name: String?) -> Theme {
    let name = name ?? "default"
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
    guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }) else { return .default }
    let environment = ProcessInfo.processInfo.environment
    let configHome =
        environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
    let candidates = [
        FileManager.default.currentDirectoryPath + "/themes/\(name).json",
        configHome + "/alpaca-dash/themes/\(name).json",
    ]
    for path in candidates {
        guard let data = FileManager.default.contents(atPath: path),
            let file = try? ThemeFile.decode(Array(data)), let theme = try? file.resolve()
        else { continue }
        return theme
    }
    return name == "monochrome" ? .monochrome : .default
}
