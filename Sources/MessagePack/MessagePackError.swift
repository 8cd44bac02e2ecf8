/// Why bytes could not be read as MessagePack.
public struct MessagePackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset at which reading stopped.
    public var offset: Int
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    /// `message at byte offset`.
    public var description: String { "\(message) at byte \(offset)" }
}
