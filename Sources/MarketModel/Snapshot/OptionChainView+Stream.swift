extension OptionChainView {
    /// Puts a contract's validated quote in its cell.
    /// - Parameter quote: The quote (its contract names the cell).
    /// - Returns: Whether the contract is in this chain (and so was placed).
    public mutating func place(_ quote: ProcessedOptionQuote) -> Bool {
        update(quote.value.contract) { cell in
            cell.quote = quote
            cell.failure = nil
        }
    }

    /// Marks a contract's cell rejected (its last good quote stays, shown with the failure).
    /// - Returns: Whether the contract is in this chain.
    public mutating func mark(_ contract: OCCSymbol, _ failure: PipelineFailure) -> Bool {
        update(contract) { $0.failure = failure }
    }

    /// This chain, with any streamed quote of `previous` that is newer (by its own quote or trade
    /// time) than this chain's kept in its cell: a snapshot answered while ticks arrived must not
    /// put older prices back on screen.
    public func keepingNewerStreamedQuotes(of previous: OptionChainView?) -> OptionChainView {
        guard let previous, previous.underlying == underlying, previous.selectedExpiration == selectedExpiration
        else { return self }
        var streamed: [OCCSymbol: ProcessedOptionQuote] = [:]
        for row in previous.rows {
            for cell in [row.call, row.put] {
                if let quote = cell?.quote, quote.delivery == .stream { streamed[quote.value.contract] = quote }
            }
        }
        guard !streamed.isEmpty else { return self }
        var merged = self
        for (contract, quote) in streamed {
            _ = merged.update(contract) { cell in
                guard let fetched = cell.quote, cell.failure == nil else { return }
                if Self.isNewer(quote.value, than: fetched.value) { cell.quote = quote }
            }
        }
        return merged
    }

    private static func isNewer(_ a: OptionQuote, than b: OptionQuote) -> Bool {
        if let x = a.quoteTime, let y = b.quoteTime, x > y { return true }
        if let x = a.tradeTime, let y = b.tradeTime, x > y { return true }
        return false
    }

    private mutating func update(_ contract: OCCSymbol, _ change: (inout Cell) -> Void) -> Bool {
        guard contract.expiration == selectedExpiration,
            let index = rows.firstIndex(where: { $0.strikeThousandths == contract.strikeThousandths })
        else { return false }
        switch contract.kind {
        case .call:
            guard var cell = rows[index].call, cell.contract == contract else { return false }
            change(&cell)
            rows[index].call = cell
        case .put:
            guard var cell = rows[index].put, cell.contract == contract else { return false }
            change(&cell)
            rows[index].put = cell
        }
        return true
    }
}
