import Foundation
import TUICore

/// Loads a theme by name (see ``ThemeLookup``), falling back to the compiled-in default.
///
/// A missing or invalid file falls back to `Theme.default`; `alpaca-dash doctor` says which.
/// - Parameter name: The theme name (`default`, `light`, `high-contrast`, `monochrome`, …); nil for `default`.
/// - Returns: The theme.
func loadTheme(named name: String?) -> Theme {
    ThemeLookup.resolve(named: name, environment: ProcessInfo.processInfo.environment).theme ?? .default
}
