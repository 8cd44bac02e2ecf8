/// Alpaca's stream error codes and what the client does about each.
public enum StreamErrorCode {
    /// 402: the keys were refused.
    public static let authFailed = 402
    /// 405: the plan's symbol limit was exceeded; earlier subscriptions are kept.
    public static let symbolLimitExceeded = 405
    /// 406: another session holds the plan's one connection to this endpoint.
    public static let connectionLimitExceeded = 406
    /// 407: the client did not read fast enough.
    public static let slowClient = 407
    /// 409: the plan does not include this feed.
    public static let insufficientSubscription = 409

    /// Whether reconnecting at once cannot help (wrong keys, wrong plan, wrong scope); the
    /// client waits for its long retry instead of its backoff.
    public static func isPermanent(_ code: Int) -> Bool { [402, 408, 409, 410, 411].contains(code) }

    /// A short description of a code for the status bar and the Upstream panel.
    public static func describe(_ code: Int) -> String {
        switch code {
        case 400: "invalid syntax"
        case 401: "not authenticated"
        case 402: "auth failed"
        case 403: "already authenticated"
        case 404: "auth timeout"
        case 405: "symbol limit exceeded"
        case 406: "connection limit exceeded"
        case 407: "slow client"
        case 408: "v2 not enabled"
        case 409: "insufficient subscription"
        case 410: "invalid subscribe action for this feed"
        case 411: "insufficient scope"
        case 500: "internal error"
        default: "error \(code)"
        }
    }
}
