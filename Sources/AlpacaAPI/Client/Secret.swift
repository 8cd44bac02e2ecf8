/// A credential that never prints itself: its description is `****` plus the last four characters.
///
/// The only holder of the API key and secret. `description`, `debugDescription`, `dump()` and
/// `Encodable` all show the redacted form; the value is read only to build request headers.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Encodable
{
    private let value: String

    /// Wraps a credential.
    public init(_ value: String) { self.value = value }

    /// `****` plus the last four characters (or just `****` for short values).
    public var description: String { value.count > 8 ? "****" + value.suffix(4) : "****" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// A mirror with no children, so `dump()` and reflection cannot reach the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Encodes the redacted form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The raw value, for request headers only.
    var revealed: String { value }

    /// Whether the value is empty.
    public var isEmpty: Bool { value.isEmpty }

    /// Replaces every occurrence of the raw value in `text` with the redacted form.
    func redact(_ text: String) -> String {
        guard value.count >= 4, text.contains(value) else { return text }
        return text.split(separator: value, omittingEmptySubsequences: false).joined(separator: description)
    }
}
