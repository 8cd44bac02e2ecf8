/// An Alpaca API key pair, read only from the environment (never from the command line).
public struct Credentials: Sendable, Hashable, Encodable {
    /// `APCA_API_KEY_ID`.
    public var keyID: Secret
    /// `APCA_API_SECRET_KEY`.
    public var secretKey: Secret

    private enum CodingKeys: String, CodingKey {
        case keyID = "key_id"
        case secretKey = "secret_key"
    }

    /// Creates credentials.
    public init(keyID: Secret, secretKey: Secret) {
        self.keyID = keyID
        self.secretKey = secretKey
    }

    /// Reads `APCA_API_KEY_ID` and `APCA_API_SECRET_KEY`; nil unless both are set and non-empty.
    /// - Parameter environment: The process environment.
    public static func fromEnvironment(_ environment: [String: String]) -> Credentials? {
        guard let id = environment["APCA_API_KEY_ID"], !id.isEmpty,
            let secret = environment["APCA_API_SECRET_KEY"], !secret.isEmpty
        else { return nil }
        return Credentials(keyID: Secret(id), secretKey: Secret(secret))
    }

    /// The two authentication headers Alpaca expects on every REST call.
    var headers: [(name: String, value: String)] {
        [("APCA-API-KEY-ID", keyID.revealed), ("APCA-API-SECRET-KEY", secretKey.revealed)]
    }

    /// The raw key pair, for the market-data stream's one auth message only (it is sent inside the
    /// WebSocket, not as headers); nothing else reads it.
    public var streamAuthentication: (key: String, secret: String) { (keyID.revealed, secretKey.revealed) }

    /// Redacts both values from a text that might echo them.
    public func redact(_ text: String) -> String { secretKey.redact(keyID.redact(text)) }
}
