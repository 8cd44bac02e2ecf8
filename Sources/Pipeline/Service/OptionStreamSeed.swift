import AlpacaAPI
import MarketModel
import Synchronization

/// What a streamed option contract's quotes and trades merge into: its last chain snapshot, and
/// what the option stages need besides.
struct OptionStreamSeed: Sendable {
    /// The contract's last validated wire snapshot (greeks, IV and bars from the chain).
    var snapshot: WireOptionSnapshot
    /// The underlying symbol.
    var underlying: String
    /// The listing (open interest), when the contracts endpoint had it.
    var listing: WireOptionContract?
    /// The underlying's price when the chain was fetched (a fresher held quote is used first).
    var spot: Double?
    /// The last value accepted for the contract, from the chain or the stream (for V011).
    var kept: ProcessedOptionQuote?
}

/// The raw chain a cache fill fetched, handed out of the fill's closure (nil when the cache
/// answered).
final class FetchedChain: Sendable {
    private let batch = Mutex<BatchResult<WireOptionSnapshot>?>(nil)

    /// Keeps the fetched chain.
    func set(_ value: BatchResult<WireOptionSnapshot>) { batch.withLock { $0 = value } }

    /// The fetched chain, once.
    func take() -> BatchResult<WireOptionSnapshot>? { batch.withLock { $0.take() } }
}
