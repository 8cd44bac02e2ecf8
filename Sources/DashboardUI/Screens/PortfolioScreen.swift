import MarketMetrics
import MarketModel
import TUICore

/// Panel 7: the account's balances, its positions and its open orders, every figure as Alpaca
/// sent it (read-only: no key places, changes or cancels anything), with P001–P003 flags.
enum PortfolioScreen {
    /// The sort orders `s` steps through.
    static let sorts = ["Alpaca's order", "symbol", "market value", "unrealized P&L", "day P&L"]

    static let positionColumns: [TableColumn] = [
        TableColumn("Symbol", width: 19),
        TableColumn("Side", width: 5, priority: 3),
        TableColumn("Qty", width: 7, alignment: .right),
        TableColumn("Avg entry", width: 10, alignment: .right, priority: 2),
        TableColumn("Price", width: 10, alignment: .right),
        TableColumn("Mkt value", width: 11, alignment: .right),
        TableColumn("Cost", width: 11, alignment: .right, priority: 4),
        TableColumn("Unrl P&L", width: 10, alignment: .right),
        TableColumn("Unrl %", width: 7, alignment: .right, priority: 1),
        TableColumn("Day P&L", width: 10, alignment: .right, priority: 1),
        TableColumn("Day %", width: 7, alignment: .right, priority: 2),
        TableColumn("Flags", width: 10, flexible: true),
    ]

    static let orderColumns: [TableColumn] = [
        TableColumn("Order", width: 19),
        TableColumn("Side", width: 5),
        TableColumn("Type", width: 10, priority: 2),
        TableColumn("Qty", width: 7, alignment: .right),
        TableColumn("Filled", width: 7, alignment: .right, priority: 1),
        TableColumn("Limit", width: 10, alignment: .right),
        TableColumn("Stop", width: 10, alignment: .right, priority: 2),
        TableColumn("Status", width: 16, priority: 1),
        TableColumn("Submitted", width: 8, priority: 3, flexible: true),
    ]

    /// Draws the panel.
    static func render(_ state: AppState, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard let view = state.latest?.market.portfolio else {
            Paragraph([[TextSpan("Reading the account…", role: .muted)]]).render(
                into: &buffer, area: area, theme: theme)
            return
        }
        let orderRows = min(view.orders.count, 6) + 1
        let parts = Layout(.vertical, [.length(3), .fill(1), .length(view.orders.isEmpty ? 1 : orderRows + 1)])
            .split(area)
        Paragraph(accountLines(view, now: now)).render(into: &buffer, area: parts[0], theme: theme)
        let positions = state.visiblePositions
        if positions.isEmpty {
            Paragraph([[TextSpan("No open positions.", role: .muted)]]).render(
                into: &buffer, area: parts[1], theme: theme)
        } else {
            let list = state.listState(for: .portfolio)
            Table(
                columns: positionColumns, rows: positions.map(positionRow), selected: list.selected, offset: list.offset
            )
            .render(into: &buffer, area: parts[1], theme: theme)
        }
        if view.orders.isEmpty {
            Paragraph([[TextSpan("No open orders.", role: .muted)]]).render(into: &buffer, area: parts[2], theme: theme)
        } else {
            Table(columns: orderColumns, rows: view.orders.map(orderRow)).render(
                into: &buffer, area: parts[2], theme: theme)
        }
    }

    /// Equity and its change, cash, buying power, market values, PDT and status; flags; age.
    static func accountLines(_ view: PortfolioView, now: Timestamp) -> [[TextSpan]] {
        var first: [TextSpan] = []
        var second: [TextSpan] = []
        if let account = view.account {
            first.append(TextSpan("Equity ", role: .muted))
            first.append(
                TextSpan(account.equity?.text ?? Format.missing, role: account.equity == nil ? .valueMissing : .title))
            if let change = account.dayChange, let last = account.lastEquity, last.value > 0 {
                let role: Theme.Role = change > 0 ? .priceUp : change < 0 ? .priceDown : .priceUnchanged
                let arrow = change > 0 ? "▲" : change < 0 ? "▼" : ""
                first.append(
                    TextSpan(
                        "  day \(arrow)\(Format.signed(change, 2)) (\(Format.signed(change / last.value * 100, 2))%)",
                        role: role))
            }
            first.append(TextSpan("  last equity " + (account.lastEquity?.text ?? Format.missing), role: .muted))
            second.append(TextSpan("Cash " + (account.cash?.text ?? Format.missing)))
            second.append(TextSpan("  buying power " + (account.buyingPower?.text ?? Format.missing)))
            second.append(TextSpan("  long " + (account.longMarketValue?.text ?? Format.missing)))
            second.append(TextSpan("  short " + (account.shortMarketValue?.text ?? Format.missing)))
            let pdt = account.patternDayTrader.map { $0 ? "yes" : "no" } ?? Format.missing
            second.append(TextSpan("  PDT \(pdt)", role: account.patternDayTrader == true ? .qualityWarn : .body))
            if let trades = account.daytradeCount { second.append(TextSpan("  day trades \(trades)")) }
            second.append(
                TextSpan("  \(account.status)", role: account.status == "ACTIVE" ? .qualityGood : .qualityWarn))
        }
        var third: [TextSpan] = []
        for flag in view.accountFlags {
            third.append(TextSpan("! \(flag.rule?.rawValue ?? "") \(flag.message)  ", role: .qualityWarn))
        }
        if let failure = view.failure {
            third.append(TextSpan("✗ " + WatchlistScreen.failureText(failure) + "  ", role: .qualityError))
        }
        if let fetched = view.fetchedAt {
            third.append(TextSpan("read \(Format.age(now.seconds(since: fetched))) ago · read-only", role: .muted))
        }
        return [first, second, third]
    }

    static func figure(_ figure: PortfolioView.Figure?, signed: Bool = false) -> TableCell {
        guard let figure else { return TableCell(Format.missing, role: .valueMissing) }
        guard signed else { return TableCell(figure.text) }
        return TableCell(
            figure.text, role: figure.value > 0 ? .priceUp : figure.value < 0 ? .priceDown : .priceUnchanged)
    }

    /// A fraction as sent (`0.0123`) shown as a percentage (`+1.23%`).
    static func percent(_ figure: PortfolioView.Figure?) -> TableCell {
        guard let figure else { return TableCell(Format.missing, role: .valueMissing) }
        let value = figure.value * 100
        return TableCell(
            Format.signed(value, 2) + "%", role: value > 0 ? .priceUp : value < 0 ? .priceDown : .priceUnchanged)
    }

    static func positionRow(_ position: PortfolioView.Position) -> TableRow {
        let flags = position.flags.compactMap { $0.rule?.rawValue }.joined(separator: " ")
        var price = figure(position.currentPrice)
        if position.isStale { price = TableCell("◷" + price.text, role: .cacheStale) }
        return TableRow([
            TableCell(position.symbol),
            TableCell(position.side, role: position.side == "short" ? .qualityWarn : .body),
            TableCell(position.quantity.text),
            TableCell(position.averageEntryPrice.text),
            price,
            figure(position.marketValue),
            figure(position.costBasis),
            figure(position.unrealizedPL, signed: true),
            percent(position.unrealizedPLPercent),
            figure(position.intradayPL, signed: true),
            percent(position.intradayPLPercent),
            TableCell(flags.isEmpty ? "" : "! " + flags, role: .qualityWarn),
        ])
    }

    static func orderRow(_ order: PortfolioView.Order) -> TableRow {
        TableRow([
            TableCell(order.symbol),
            TableCell(order.side),
            TableCell(order.type),
            TableCell(order.quantity?.text ?? Format.missing),
            TableCell(order.filledQuantity?.text ?? Format.missing),
            TableCell(order.limitPrice?.text ?? Format.missing),
            TableCell(order.stopPrice?.text ?? Format.missing),
            TableCell(order.status),
            TableCell(order.submittedAt.map(Format.clock) ?? Format.missing, role: .muted),
        ])
    }
}
