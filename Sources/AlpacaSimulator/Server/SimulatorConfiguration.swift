public import FaultInjection

/// Everything that shapes one simulator instance.
public struct SimulatorConfiguration: Sendable {
    /// The address to bind (default loopback).
    public var host: String = "127.0.0.1"
    /// The port to bind; 0 picks an ephemeral port.
    public var port: Int = 0
    /// The market seed: same seed, same market.
    public var seed: UInt64 = 1
    /// How the market clock behaves.
    public var market: MarketMode = .auto
    /// When set, requests must carry these keys (401 on trading paths, 403 on data paths otherwise).
    public var keys: SimulatorKeys? = nil
    /// Symbols that do not exist: `null` in snapshots, absent from latest maps, 404 as assets.
    public var unknownSymbols: Set<String> = []
    /// Requests allowed per minute before answering 429 (`/_sim/*` paths are not counted).
    public var rateLimitPerMinute: Int = 200
    /// The length of the rate-limit window in seconds (Alpaca's is 60; shorter for tests, which
    /// then see `rateLimitPerMinute` requests per window).
    public var rateLimitWindow: Int = 60
    /// The feeds the keys are entitled to (`sip`, `iex`, …, `opra`, `indicative`); nil means all.
    ///
    /// A latest or snapshot request for a feed outside this set is refused with 403, as Alpaca
    /// refuses recent SIP data without the subscription.
    public var entitledFeeds: Set<String>? = nil
    /// Every feed name the data API knows, stock feeds first.
    public static let knownFeeds = ["sip", "iex", "delayed_sip", "otc", "boats", "overnight", "opra", "indicative"]
    /// The source of "now".
    public var clock: SimulatorClock = .system

    /// The most symbols with trades or quotes one stream session may hold (405 beyond it).
    ///
    /// The free plan's is 30. Nil or 0: no limit.
    public var streamSymbolLimit: Int? = 30
    /// Stream messages per second per subscribed symbol (1: a quote and a trade when they change;
    /// more: that many each second whether they changed or not, for load tests).
    public var streamRate: Int = 1
    /// Seconds a stream connection has to authenticate (404 after).
    public var streamAuthTimeout: Double = 10
    /// Frames queued for a stream client before it counts as slow (407) and is dropped.
    public var streamBufferFrames: Int = 2000

    /// Faults injected from the start (`sim --faults SPEC`); `POST /_sim/faults` replaces them.
    public var faults: FaultSpec? = nil

    /// Creates the default configuration: loopback, ephemeral port, seed 1, automatic market.
    public init() {}
}
