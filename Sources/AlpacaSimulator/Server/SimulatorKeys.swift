/// The API key pair the simulator expects in `APCA-API-KEY-ID` / `APCA-API-SECRET-KEY`.
public struct SimulatorKeys: Sendable, Hashable {
    /// The key id.
    public var id: String
    /// The secret key.
    public var secret: String

    /// Creates a key pair.
    /// - Parameters:
    ///   - id: The expected `APCA-API-KEY-ID`.
    ///   - secret: The expected `APCA-API-SECRET-KEY`.
    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }
}
