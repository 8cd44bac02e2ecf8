/// Why a JSON value could not be read as the expected wire type, with the path to it.
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path from the entry to the bad value, for example `latestQuote.ap`.
    public var path: [String]
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String, path: [String] = []) {
        self.message = message
        self.path = path
    }

    /// The same error one level further out.
    public func at(_ key: String) -> DecodeError { DecodeError(message, path: [key] + path) }

    /// `path: message`.
    public var description: String { path.isEmpty ? message : path.joined(separator: ".") + ": " + message }
}
