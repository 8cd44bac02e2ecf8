import MarketModel

extension OptionChainView {
    /// The row whose strike is closest to the underlying price, when the price is known.
    var atTheMoneyIndex: Int? {
        guard let price = underlyingPrice, price.isFinite, !rows.isEmpty else { return nil }
        return rows.indices.min { abs(rows[$0].strike - price) < abs(rows[$1].strike - price) }
    }
}
