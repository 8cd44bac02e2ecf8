public import AlpacaAPI
public import AlpacaStream
import Foundation

/// How the stream client connects and when it gives up on a connection.
public struct StreamSettings: Sendable {
    /// The stream's URL with its path, for example `wss://stream.data.alpaca.markets/v2/iex`.
    public var url: String
    /// JSON or MessagePack frames.
    public var framing: StreamFraming
    /// The keys, sent only in the auth message (nil: an empty auth, which only a keyless simulator
    /// accepts).
    public var credentials: Credentials?
    /// In a session, how long the whole subscription may be silent before it counts as a stall
    /// (a single subscribed symbol may be silent eight times as long).
    public var stallAfter: Duration = .seconds(15)
    /// The first reconnect delay; it doubles per failed attempt up to ``backoffCap`` (equal jitter).
    public var backoffBase: Duration = .seconds(1)
    /// The longest reconnect delay after an ordinary failure.
    public var backoffCap: Duration = .seconds(30)
    /// The wait after a 406 (another session holds the plan's connection): Alpaca keeps a dropped
    /// session's slot for a while, so reconnecting sooner only earns another 406.
    public var connectionLimitWait: Duration = .seconds(60)
    /// The wait after a refusal that reconnecting cannot fix soon (402, 409, 411).
    public var permanentWait: Duration = .seconds(300)
    /// Whether to connect only while a session is on (the dashboard); `watch` connects at once.
    public var onlyInSession = true
    /// The channels each symbol is subscribed to (stocks: every kind; option contracts: trades
    /// and quotes).
    public var subscription: @Sendable ([String]) -> StreamSubscription

    /// Creates settings for the stock stream.
    public init(url: String, framing: StreamFraming = .msgpack, credentials: Credentials? = nil) {
        self.url = url
        self.framing = framing
        self.credentials = credentials
        self.subscription = StreamSubscription.stocks
    }

    /// Settings for the option stream of a base (`wss://stream.data.alpaca.markets`) and a feed
    /// (`indicative` or `opra`): MessagePack only, trades and quotes.
    public static func options(base: String, feed: String, credentials: Credentials?) -> StreamSettings {
        var settings = StreamSettings(
            url: trimmed(base) + "/v1beta1/" + feed, framing: .msgpack, credentials: credentials)
        settings.subscription = StreamSubscription.options
        return settings
    }

    /// The stock stream URL for a base (`wss://stream.data.alpaca.markets`) and a feed (`iex`).
    public static func stockURL(base: String, feed: String) -> String {
        trimmed(base) + "/v2/" + feed
    }

    private static func trimmed(_ base: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The URL without any user-info part, for the screen.
    public var displayURL: String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else {
            return url
        }
        return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
    }
}
