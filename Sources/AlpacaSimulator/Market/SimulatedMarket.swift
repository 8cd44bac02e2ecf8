import MarketModel
import Synchronization

/// The seeded market behind a simulator, with thread-safe test hooks.
///
/// Everything served is a pure function of the seed, the configuration, the clock and the hooks
/// set here, so a fixed clock gives byte-identical bodies for the same request sequence.
public final class SimulatedMarket: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The market mode.
    public let mode: MarketMode
    /// Symbols that do not exist.
    public let unknownSymbols: Set<String>
    /// The clock.
    public let clock: SimulatorClock
    private let hooks = Mutex(MarketHooks())
    /// Engines kept across requests so their memos are reused; emptied when it reaches
    /// ``engineLimit`` symbols.
    private let engines = Mutex([String: StockEngine]())

    /// The most stock engines kept at once.
    static let engineLimit = 1024

    /// Creates a market from a configuration.
    /// - Parameter configuration: Seed, mode, unknown symbols and clock are taken from it.
    public init(configuration: SimulatorConfiguration) {
        seed = configuration.seed
        mode = configuration.market
        unknownSymbols = configuration.unknownSymbols
        clock = configuration.clock
    }

    // MARK: Test hooks

    /// Sets or clears (nil) the override for a stock symbol.
    /// - Parameters:
    ///   - symbol: The ticker, for example `AAPL`.
    ///   - override: What to serve instead, or nil to go back to normal data.
    public func setStockOverride(_ symbol: String, _ override: QuoteOverride?) {
        hooks.withLock { $0.stockOverrides[symbol] = override }
    }

    /// Sets or clears (nil) the override for an option contract (chain, snapshots, latest maps).
    /// - Parameters:
    ///   - contract: The OCC symbol, for example `AAPL240426C00162500`.
    ///   - override: What to serve instead, or nil to go back to normal data.
    public func setOptionOverride(_ contract: String, _ override: QuoteOverride?) {
        hooks.withLock { $0.optionOverrides[contract] = override }
    }

    /// Serves a stock position at this `current_price` (its market value and P&L follow), or the
    /// market's again (nil): a position that disagrees with the symbol's quote, for P001.
    /// - Parameters:
    ///   - symbol: The ticker of a held stock.
    ///   - price: The price to serve, or nil.
    public func setPositionPrice(_ symbol: String, _ price: Double?) {
        hooks.withLock { $0.positionPrices[symbol] = price }
    }

    /// Sets the asset name served for a symbol, such as hostile strings for UI tests.
    /// - Parameters:
    ///   - symbol: The ticker.
    ///   - name: The exact `name` to serve in assets and watchlists.
    public func setAssetName(_ symbol: String, _ name: String) {
        hooks.withLock { $0.assetNames[symbol] = name }
    }

    /// Serves an Alpaca error body with this message on a path until cleared (message nil).
    /// - Parameters:
    ///   - path: The request path without query, for example `/v2/stocks/snapshots`.
    ///   - status: The HTTP status to answer.
    ///   - message: The `message` text, or nil to clear the scripted error.
    public func setErrorMessage(path: String, status: Int, message: String?) {
        hooks.withLock { state in
            if let message { state.errors[path] = (status, message) } else { state.errors[path] = nil }
        }
    }

    /// Serves the next `times` responses of `path` with only the first half of their body, under
    /// their normal status and a `Content-Length` that matches what is sent: a truncation no
    /// HTTP-level check can see.
    public func setTruncation(path: String, times: Int) {
        hooks.withLock { $0.truncations[path] = times > 0 ? times : nil }
    }

    /// Takes one truncation of `path`, if any is left.
    func takeTruncation(path: String) -> Bool {
        hooks.withLock { state in
            guard let left = state.truncations[path], left > 0 else { return false }
            state.truncations[path] = left > 1 ? left - 1 : nil
            return true
        }
    }

    /// Removes every override, name and scripted error.
    public func resetHooks() {
        hooks.withLock { $0 = MarketHooks() }
    }

    // MARK: Queries used by the routes

    /// The current hook state.
    var currentHooks: MarketHooks { hooks.withLock { $0 } }

    /// The clock state now.
    func clockState() -> ClockState { ClockState(now: clock.now(), mode: mode) }

    /// The engine for a stock symbol, the same one (and memo) for every request while it is kept.
    func engine(_ symbol: String) -> StockEngine {
        if let engine = engines.withLock({ $0[symbol] }) { return engine }
        let engine = StockEngine(profile: StockProfile(symbol: symbol, seed: seed))
        return engines.withLock { engines in
            if let existing = engines[symbol] { return existing }
            if engines.count >= Self.engineLimit { engines.removeAll(keepingCapacity: true) }
            engines[symbol] = engine
            return engine
        }
    }

    /// How many stock engines are kept.
    var keptEngineCount: Int { engines.withLock { $0.count } }

    /// The option engine for an underlying at a clock state.
    func optionEngine(_ underlying: String, clock: ClockState) -> OptionEngine {
        OptionEngine(underlying: engine(underlying), clock: clock)
    }

    /// Whether a syntactically valid stock symbol exists in this market.
    func exists(_ symbol: String) -> Bool { !unknownSymbols.contains(symbol) }

    /// The asset name of a symbol, honouring ``setAssetName(_:_:)``.
    func assetName(_ symbol: String, hooks: MarketHooks) -> String {
        hooks.assetNames[symbol] ?? StockProfile(symbol: symbol, seed: seed).name
    }
}
