import MarketMetrics
import MarketModel
import TUICore

/// Panel 2: calls | strike | puts for one expiry, at-the-money centred and marked.
///
/// A row above the column headers says `CALLS`, `STRIKE` and `PUTS` over their sides, the
/// selected side in brackets. In-the-money sides are shaded and, readable without colour,
/// marked in the strike cell: `◂180.00` (calls in the money) or `195.00▸` (puts).
enum OptionChainScreen {
    /// Columns: the call side mirrored around the strike, then the put side.
    static let columns: [TableColumn] = {
        let side: [(String, Int, Int)] = [
            ("Bid", 8, 0), ("Ask", 8, 0), ("Last", 8, 1), ("Vol", 7, 4), ("OI", 7, 5), ("IV", 6, 2), ("Delta", 6, 3),
        ]
        let calls = side.reversed().map { TableColumn($0.0, width: $0.1, alignment: .right, priority: $0.2) }
        let puts = side.map { TableColumn($0.0, width: $0.1, alignment: .right, priority: $0.2) }
        return calls + [TableColumn("Strike", width: 10, alignment: .center)] + puts
    }()

    /// Draws the chain of an underlying.
    static func render(
        _ state: AppState, symbol: String, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) {
        guard let chain = state.chain(for: symbol) else {
            Paragraph([[TextSpan("Loading the option chain of \(symbol)…", role: .muted)]])
                .render(into: &buffer, area: area, theme: theme)
            return
        }
        let parts = Layout(
            .vertical, [.length(1), .length(chain.failure == nil ? 0 : 1), .length(1), .fill(1)]
        ).split(area)
        Paragraph([header(chain, state: state, now: now, width: area.width)]).render(
            into: &buffer, area: parts[0], theme: theme)
        if let failure = chain.failure {
            Paragraph([[TextSpan("✗ " + WatchlistScreen.failureText(failure), role: .qualityError)]])
                .render(into: &buffer, area: parts[1], theme: theme)
        }
        guard !chain.rows.isEmpty else {
            Paragraph([[TextSpan("No contracts listed for this expiry.", role: .muted)]])
                .render(into: &buffer, area: parts[3], theme: theme)
            return
        }
        let list = state.listState(for: state.route)
        let atm = chain.atTheMoneyIndex
        let rows = chain.rows.enumerated().map { index, row in
            tableRow(row, price: chain.underlyingPrice, isATM: index == atm)
        }
        let table = Table(columns: columns, rows: rows, selected: list.selected, offset: list.offset)
        Paragraph([sideHeader(table, width: parts[2].width, selected: state.chainSide)])
            .render(into: &buffer, area: parts[2], theme: theme)
        table.render(into: &buffer, area: parts[3], theme: theme)
    }

    /// `CALLS` centred over the call columns, `STRIKE` over the strike, `PUTS` over the put
    /// columns, as the table lays them out at this width; the selected side in brackets.
    static func sideHeader(_ table: Table, width: Int, selected: OCCSymbol.Kind) -> [TextSpan] {
        let layout = table.layout(width: width)
        let strikeIndex = columns.count / 2
        func span(_ indices: [(index: Int, width: Int)]) -> Int {
            indices.reduce(0) { $0 + $1.width } + max(0, indices.count - 1) * table.spacing
        }
        let calls = span(layout.filter { $0.index < strikeIndex })
        let strike = span(layout.filter { $0.index == strikeIndex })
        let puts = span(layout.filter { $0.index > strikeIndex })
        func centred(_ text: String, _ width: Int) -> String {
            let pad = max(0, width - text.count)
            return String(repeating: " ", count: pad / 2) + text + String(repeating: " ", count: pad - pad / 2)
        }
        let gap = String(repeating: " ", count: table.spacing)
        return [
            TextSpan(
                centred(selected == .call ? "[ CALLS ]" : "CALLS", calls), role: selected == .call ? .key : .muted),
            TextSpan(gap + centred("STRIKE", strike) + gap, role: .muted),
            TextSpan(centred(selected == .put ? "[ PUTS ]" : "PUTS", puts), role: selected == .put ? .key : .muted),
        ]
    }

    /// Expiry tabs, the underlying price and the selected side.
    static func header(_ chain: OptionChainView, state: AppState, now: Timestamp, width: Int) -> [TextSpan] {
        var spans: [TextSpan] = [TextSpan(chain.underlying + " ", role: .title)]
        spans.append(
            TextSpan(
                Format.optionPrice(chain.underlyingPrice) + "  ",
                role: chain.underlyingPrice == nil ? .valueMissing : .body))
        let selected = chain.selectedExpiration.flatMap { chain.expirations.firstIndex(of: $0) }
        if chain.expirations.isEmpty {
            spans.append(TextSpan("no expiries  ", role: .valueMissing))
        } else {
            let index = selected ?? 0
            let window = max(0, index - 1)...min(chain.expirations.count - 1, index + 2)
            spans.append(TextSpan(index > 0 ? "◀ " : "  ", role: .muted))
            for i in window {
                let text = chain.expirations[i].description
                spans.append(
                    i == selected ? TextSpan("[\(text)]", role: .tabSelected) : TextSpan(" \(text) ", role: .tab))
            }
            spans.append(TextSpan(index < chain.expirations.count - 1 ? " ▶" : "  ", role: .muted))
        }
        if let fetched = chain.fetchedAt {
            spans.append(TextSpan("  age " + Format.age(now.seconds(since: fetched)), role: .muted))
        }
        if let stream = state.latest?.market.optionStream, stream.isStreaming, !stream.subscribed.isEmpty {
            spans.append(TextSpan("  STREAM ● \(stream.subscribed.count)", role: .quality("good")))
        }
        return spans
    }

    /// One strike: call cells (mirrored), the strike, put cells.
    static func tableRow(_ row: OptionChainView.Row, price: Double?, isATM: Bool) -> TableRow {
        let callITM = price.map { row.strike < $0 } ?? false
        let putITM = price.map { row.strike > $0 } ?? false
        let calls = sideCells(row.call, inTheMoney: callITM).reversed()
        let puts = sideCells(row.put, inTheMoney: putITM)
        let strikeValue = Format.strike(row.strikeThousandths)
        let strikeText =
            isATM
            ? "▶" + strikeValue + "◀"
            : callITM ? "◂" + strikeValue + " " : putITM ? " " + strikeValue + "▸" : strikeValue
        let strike = TableCell(strikeText, role: isATM ? .chainAtTheMoney : .chainStrike)
        return TableRow(Array(calls) + [strike] + puts)
    }

    /// Bid, ask, last, volume, OI, IV, delta of one contract (in put-side order).
    static func sideCells(_ cell: OptionChainView.Cell?, inTheMoney: Bool) -> [TableCell] {
        let itm: Theme.Role? = inTheMoney ? .chainInTheMoney : nil
        guard let cell else { return Array(repeating: TableCell("", role: itm), count: 7) }
        guard let processed = cell.quote else {
            let id = cell.failure.map { $0.rule?.rawValue ?? $0.code.rawValue } ?? "?"
            return [TableCell("✗" + id, role: .qualityError)] + Array(repeating: TableCell("", role: itm), count: 6)
        }
        let quote = processed.value
        func missingOr(_ text: String?) -> TableCell {
            guard let text else { return TableCell(Format.missing, role: itm ?? .valueMissing) }
            return TableCell(text, role: itm)
        }
        let flag = cell.failure == nil ? "" : "!"
        return [
            price(quote.bidPrice, none: "no bid", itm: itm),
            price(quote.askPrice, none: "no ask", itm: itm),
            missingOr(
                quote.lastPrice.map { flag + Format.optionPrice($0) } ?? (flag.isEmpty ? nil : flag + Format.missing)),
            missingOr(quote.volume.map { Format.count($0) }),
            missingOr(quote.openInterest.map { Format.count($0) }),
            missingOr(quote.impliedVolatility.map { Format.fixed($0 * 100, 1) + "%" }),
            missingOr(quote.greeks.map { Format.signed($0.delta, 2) }),
        ]
    }

    static func price(_ value: Double?, none: String, itm: Theme.Role?) -> TableCell {
        guard let value else { return TableCell(Format.missing, role: itm ?? .valueMissing) }
        if value == 0 { return TableCell(none, role: itm ?? .valueMissing) }
        return TableCell(Format.optionPrice(value), role: itm)
    }
}
