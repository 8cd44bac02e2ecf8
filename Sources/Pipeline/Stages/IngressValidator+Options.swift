public import AlpacaAPI
public import MarketModel

extension IngressValidator {
    /// Validates one option snapshot entry of a chain.
    /// - Parameters:
    ///   - key: The contract symbol the entry was returned under.
    ///   - entry: The decoded entry.
    ///   - underlying: The underlying the chain was requested for.
    ///   - contract: The contract listing, when known (for root/underlying mapping and open interest).
    ///   - context: Time, clock and thresholds.
    public static func validateOption(
        key: String, entry: Entry<WireOptionSnapshot>?, underlying: String, contract: WireOptionContract?,
        context: StageContext
    ) -> Result<OptionQuote, PipelineFailure> {
        func reject(_ rule: RuleID, _ message: String) -> Result<OptionQuote, PipelineFailure> {
            .failure(context.failure(.dataValidationError, rule, key, message))
        }
        guard let occ = OCCSymbol(key) else { return reject(Rules.symbolFormat, "not an OCC option symbol") }
        let expectedUnderlying = contract?.underlyingSymbol ?? occ.root
        guard expectedUnderlying == underlying || occ.root.hasPrefix(underlying) else {
            return reject(Rules.optionUnderlying, "underlying \(expectedUnderlying) ≠ requested \(underlying)")
        }
        guard occ.expiration >= context.today else { return reject(Rules.expiration, "expired on \(occ.expiration)") }
        let snapshot: WireOptionSnapshot
        switch entry {
        case nil, .null:
            return .failure(PipelineFailure(code: .dataUnavailable, symbol: key, message: "no data for this contract"))
        case .invalid(let error):
            return reject(Rules.schema, "malformed entry: \(error)")
        case .value(let value):
            snapshot = value
        }
        if let failure = checkQuoteAndTrade(snapshot.latestQuote, snapshot.latestTrade, symbol: key, context: context) {
            return .failure(failure)
        }
        let q = snapshot.latestQuote
        let t = snapshot.latestTrade
        var quote = OptionQuote(
            contract: occ, underlying: underlying, bidPrice: q?.bidPrice.map(noneAsZero),
            askPrice: q?.askPrice.map(noneAsZero), bidSize: q?.bidSize,
            askSize: q?.askSize, quoteTime: q?.time, lastPrice: t?.price, lastSize: t?.size, tradeTime: t?.time)
        if let v = snapshot.dailyBar?.volume {
            guard v >= 0 else { return reject(Rules.nonNegativeSize, "negative volume \(v)") }
            guard v <= context.configuration.maxSize else {
                return reject(Rules.nonNegativeSize, "volume \(v) above \(context.configuration.maxSize)")
            }
            quote.volume = v
        }
        if let oi = contract?.openInterest {
            guard oi >= 0 else { return reject(Rules.nonNegativeSize, "negative open interest \(oi)") }
            guard oi <= context.configuration.maxSize else {
                return reject(Rules.nonNegativeSize, "open interest \(oi) above \(context.configuration.maxSize)")
            }
            quote.openInterest = oi
        }
        quote.impliedVolatility = snapshot.impliedVolatility
        if let g = snapshot.greeks {
            quote.greeks = Greeks(delta: g.delta, gamma: g.gamma, theta: g.theta, vega: g.vega, rho: g.rho)
        }
        if let failure = checkFreshness(quote.timestamp, symbol: key, context: context) { return .failure(failure) }
        return .success(quote)
    }
}
