/// Alpaca's stream error codes and what the client does about each.
public enum StreamErrorCode {
    /// 405: the plan's symbol limit was exceeded; earlier subscriptions are kept.
    public static let symbolLimitExceeded = 405
    /// 406: another session holds the plan's one connection to this endpoint.
    public static let connectionLimitExceeded = 406

    /// Whether reconnecting at once cannot help (wrong keys, wrong plan, wrong scope); the
    /// client waits for its long retry instead of its backoff.
    public static func isPermanent(_ code: Int) -> Bool { [402, 408, 409, 410, 411].contains(code) }
}
