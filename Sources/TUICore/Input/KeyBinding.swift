/// One entry of a key map: the keys, the action they trigger, and the help text.
///
/// Key maps are data (`[KeyBinding]` per screen) so the footer, the help overlay and the
/// generated `docs/keybindings.md` all come from the same place.
public struct KeyBinding<Action: Sendable & Equatable>: Sendable, Equatable {
    /// The keys that trigger the action.
    public var keys: [Key]
    /// The action.
    public var action: Action
    /// What the action does, in a few words.
    public var help: String
    /// Whether the footer lists this binding.
    public var showInFooter: Bool
    /// How the keys are shown; defaults to the key labels joined by `/`.
    public var label: String

    /// Creates a binding.
    /// - Parameters:
    ///   - keys: The keys.
    ///   - action: The action.
    ///   - help: What it does.
    ///   - showInFooter: Whether the footer lists it.
    ///   - label: How to show the keys (nil: the key labels joined by `/`).
    public init(keys: [Key], action: Action, help: String, showInFooter: Bool = false, label: String? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.showInFooter = showInFooter
        self.label = label ?? keys.map(\.description).joined(separator: "/")
    }
}
