/// A market-data stream path the simulator serves, as Alpaca's: `/v2/{iex|sip|delayed_sip|test}`
/// for stocks and `/v1beta1/{indicative|opra}` for options (MessagePack only).
struct StreamEndpoint: Sendable, Equatable {
    /// The request path, for example `/v2/iex`.
    let path: String
    /// The feed, for example `iex`.
    let feed: String
    /// Whether this is the option stream.
    let isOptions: Bool

    /// The endpoint at `path`, or nil when the simulator does not stream there.
    init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 else { return nil }
        switch (parts[0], parts[1]) {
        case ("v2", "iex"), ("v2", "sip"), ("v2", "delayed_sip"), ("v2", "test"):
            isOptions = false
        case ("v1beta1", "indicative"), ("v1beta1", "opra"):
            isOptions = true
        default:
            return nil
        }
        self.path = "/" + parts.joined(separator: "/")
        feed = parts[1]
    }
}
