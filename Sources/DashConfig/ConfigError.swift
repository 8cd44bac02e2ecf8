/// A configuration file that exists but is unusable; the program exits 78 (`EX_CONFIG`) with it.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path.
    public var path: String
    /// What is wrong, naming the key; never quotes the file's own text.
    public var message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `invalid configuration: PATH: MESSAGE`.
    public var description: String { "invalid configuration: \(path): \(message)" }
}
