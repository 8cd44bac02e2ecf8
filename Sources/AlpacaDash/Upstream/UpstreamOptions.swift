import AlpacaSimulator
import ArgumentParser
import FaultInjection

/// Where data comes from: Alpaca (keys in the environment) or the built-in simulator.
struct UpstreamOptions: ParsableArguments {
    @Flag(help: "Use the built-in simulator even when Alpaca keys are set.")
    var demo = false

    @Option(help: "Trading API base URL (default: $APCA_API_BASE_URL or the paper host).")
    var tradingURL: String?

    @Option(help: "Market-data API base URL (default: $APCA_API_DATA_URL or data.alpaca.markets).")
    var dataURL: String?

    @Option(
        help: """
            Market-data stream base URL (default: $APCA_API_STREAM_URL, the simulator's own with \
            --demo or a loopback --data-url, else wss://stream.data.alpaca.markets).
            """)
    var streamURL: String?

    @Option(help: "Stock feed: iex or sip.")
    var feed: String = "iex"

    @Option(help: "Options feed: indicative or opra.")
    var optionsFeed: String = "indicative"

    @Option(
        help: """
            The built-in simulator's market: open (the default, whatever the hour), closed, pre, post, \
            or auto (follows New York's real sessions).
            """)
    var market: String?

    @Option(
        help: """
            Faults the built-in simulator injects (with --demo): a spec such as 'drill' or \
            'status:503@0.1/v2/stocks/*,crossed=AAPL' (docs/reliability.md).
            """)
    var faults: String?

    func validate() throws {
        guard ["iex", "sip", "delayed_sip"].contains(feed) else { throw ValidationError("--feed must be iex or sip") }
        guard ["indicative", "opra"].contains(optionsFeed) else {
            throw ValidationError("--options-feed must be indicative or opra")
        }
        if let market {
            guard MarketMode(rawValue: market) != nil else {
                throw ValidationError("--market must be open, closed, pre, post or auto")
            }
            guard tradingURL == nil && dataURL == nil else {
                throw ValidationError("--market applies to the built-in simulator only: drop --data-url/--trading-url")
            }
        }
        if try FaultSpec.option(faults) != nil {
            guard tradingURL == nil && dataURL == nil else {
                throw ValidationError("--faults applies to the built-in simulator only: drop --data-url/--trading-url")
            }
        }
        if let streamURL {
            guard UpstreamConnection.isAllowedStream(streamURL) else {
                throw ValidationError("--stream-url must be wss://, or ws:// to a loopback host")
            }
        }
        for url in [tradingURL, dataURL].compactMap({ $0 }) {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw ValidationError("\(url) is not an http(s) URL")
            }
            guard UpstreamConnection.isAllowed(url) else {
                throw ValidationError("\(url): plain http is accepted only for loopback hosts")
            }
        }
    }
}
