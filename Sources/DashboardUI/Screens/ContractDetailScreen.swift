import MarketModel
import TUICore

/// The contract drill-down: every field of one option contract, with its lineage.
enum ContractDetailScreen {
    /// Draws a contract's details.
    static func render(
        _ state: AppState, contract: OCCSymbol, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer,
        theme: Theme
    ) {
        let cell = state.chain(for: state.chainSymbol ?? contract.root)?.rows
            .first { $0.strikeThousandths == contract.strikeThousandths }
            .flatMap { contract.kind == .call ? $0.call : $0.put }
        var lines: [[TextSpan]] = [
            [
                TextSpan(contract.description, role: .title),
                TextSpan(
                    "  \(contract.kind == .call ? "call" : "put") · strike \(Format.strike(contract.strikeThousandths))"
                        + " · expires \(contract.expiration)", role: .muted),
            ],
            [],
        ]
        func field(_ name: String, _ value: String?) {
            lines.append([
                TextSpan(TerminalSanitizer.fit(name, width: 16), role: .muted),
                TextSpan(value ?? Format.missing, role: value == nil ? .valueMissing : .body),
            ])
        }
        guard let cell, cell.quote != nil || cell.failure != nil else {
            lines.append([TextSpan("No data for this contract in the current chain.", role: .muted)])
            Paragraph(lines).render(into: &buffer, area: area, theme: theme)
            return
        }
        if let failure = cell.failure {
            lines.append([TextSpan("✗ " + WatchlistScreen.failureText(failure), role: .qualityError)])
            lines.append([])
        }
        if let processed = cell.quote {
            let q = processed.value
            field(
                "Bid", q.bidPrice.map { $0 == 0 ? "no bid" : Format.optionPrice($0) + " × " + Format.count(q.bidSize) })
            field(
                "Ask", q.askPrice.map { $0 == 0 ? "no ask" : Format.optionPrice($0) + " × " + Format.count(q.askSize) })
            field("Last", q.lastPrice.map { Format.optionPrice($0) + " × " + Format.count(q.lastSize) })
            field("Volume", q.volume.map { Format.count($0) })
            field("Open interest", q.openInterest.map { Format.count($0) })
            field("Implied vol", q.impliedVolatility.map { Format.fixed($0 * 100, 2) + "%" })
            field("Delta", q.greeks.map { Format.fixed($0.delta, 4) })
            field("Gamma", q.greeks.map { Format.fixed($0.gamma, 4) })
            field("Theta", q.greeks.map { Format.fixed($0.theta, 4) })
            field("Vega", q.greeks.map { Format.fixed($0.vega, 4) })
            field("Rho", q.greeks.map { Format.fixed($0.rho, 4) })
            field("Quote time", q.quoteTime.map { Format.clock($0) + " ET" })
            field("Age", q.timestamp.map { Format.age(now.seconds(since: $0)) })
            let e = processed.enrichment
            field("Source", e.dataSource.rawValue + " · " + processed.delivery.rawValue + " · " + e.freshness.rawValue)
            field(
                "Quality",
                String(e.quality.score)
                    + (e.quality.reasons.isEmpty ? "" : "  " + e.quality.reasons.joined(separator: "; ")))
        }
        Paragraph(lines).render(into: &buffer, area: area, theme: theme)
    }
}
