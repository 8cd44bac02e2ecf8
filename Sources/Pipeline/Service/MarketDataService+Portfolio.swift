import AlpacaAPI
public import MarketModel
import TTLCache

extension MarketDataService {
    /// How far a position's price may sit outside its symbol's validated spread (P001), as a
    /// fraction of the price; and the relative slack of P002 and P003.
    static let positionPriceTolerance = 0.005
    static let valueTolerance = 0.001

    /// The Portfolio panel: account, positions and open orders, read-only, every figure as sent,
    /// checked by the consistency rules P001–P003 (each flag recorded in the journal).
    /// - Parameter bypassCache: Skip the cache (scheduled refreshes and `r`).
    public func portfolio(bypassCache: Bool = false) async -> PortfolioView {
        let context = context()
        let client = self.client
        do {
            let (value, _) = try await cache.value(for: "portfolio", class: .realTime, bypass: bypassCache) {
                async let account = client.account()
                async let positions = client.positions()
                async let orders = client.orders(status: "open", limit: 100)
                return .portfolio(try await self.check(account: account, positions: positions, orders: orders, context))
            }
            guard case .portfolio(let view) = value else { return PortfolioView() }
            return view
        } catch let error as AlpacaError {
            return PortfolioView(failure: QuoteProcessor.upstreamFailure(error, symbol: nil))
        } catch let failure as PipelineFailure {
            return PortfolioView(failure: failure)
        } catch {
            return PortfolioView(failure: PipelineFailure(code: .upstreamError, message: "\(error)"))
        }
    }

    /// Builds the view and applies P001–P003 against the validated quotes of the positions' stocks.
    private func check(
        account wire: WireAccount, positions entries: [Entry<WirePosition>], orders: [Entry<WireOrder>],
        _ context: StageContext
    ) async throws -> PortfolioView {
        func figure(_ decimal: WireDecimal?) -> PortfolioView.Figure? {
            guard let decimal else { return nil }
            let value = decimal.doubleValue
            return value.isFinite ? PortfolioView.Figure(text: decimal.text, value: value) : nil
        }
        var view = PortfolioView(fetchedAt: context.now)
        view.account = PortfolioView.Account(
            status: wire.status, equity: figure(wire.equity), lastEquity: figure(wire.lastEquity),
            cash: figure(wire.cash), buyingPower: figure(wire.buyingPower),
            longMarketValue: figure(wire.longMarketValue), shortMarketValue: figure(wire.shortMarketValue),
            patternDayTrader: wire.patternDayTrader, daytradeCount: wire.daytradeCount)
        for entry in entries {
            guard let wire = entry.value else {
                if case .invalid(let error) = entry {
                    journal.record(
                        context.failure(.dataValidationError, Rules.schema, "position", "malformed position: \(error)"),
                        at: context.now)
                }
                continue
            }
            guard let quantity = figure(wire.quantity), let entryPrice = figure(wire.averageEntryPrice) else {
                continue
            }
            view.positions.append(
                PortfolioView.Position(
                    symbol: String(wire.symbol.prefix(32)), side: wire.side, assetClass: wire.assetClass,
                    quantity: quantity, averageEntryPrice: entryPrice, currentPrice: figure(wire.currentPrice),
                    marketValue: figure(wire.marketValue), costBasis: figure(wire.costBasis),
                    unrealizedPL: figure(wire.unrealizedPL), unrealizedPLPercent: figure(wire.unrealizedPLPercent),
                    intradayPL: figure(wire.unrealizedIntradayPL),
                    intradayPLPercent: figure(wire.unrealizedIntradayPLPercent)))
        }
        // P001 needs the validated quote of each stock position, through the cache like any reader.
        let stocks = view.positions.filter { SymbolFormat.isStock($0.symbol) }.map(\.symbol)
        var quotes: [String: ProcessedStockQuote] = [:]
        if !stocks.isEmpty {
            for (symbol, result) in try await self.quotes(stocks) {
                if case .success(let quote) = result { quotes[symbol] = quote }
            }
        }
        for failure in Self.applyConsistencyRules(to: &view, quotes: quotes, context: context) {
            journal.record(failure, at: context.now)
        }
        view.orders = orders.compactMap(\.value).map { order in
            PortfolioView.Order(
                symbol: String((order.symbol ?? "—").prefix(32)), side: order.side ?? "—", type: order.type ?? "—",
                quantity: figure(order.quantity), filledQuantity: figure(order.filledQuantity),
                limitPrice: figure(order.limitPrice), stopPrice: figure(order.stopPrice), status: order.status,
                submittedAt: order.submittedAt ?? order.createdAt)
        }
        return view
    }

    /// P001–P003 on a view: flags set on the positions and the account, and returned (for the journal).
    /// - Parameters:
    ///   - view: The view, flagged in place.
    ///   - quotes: The validated quotes of the positions' stocks.
    ///   - context: Time and configuration.
    /// - Returns: Every flag set, in order.
    public static func applyConsistencyRules(
        to view: inout PortfolioView, quotes: [String: ProcessedStockQuote], context: StageContext
    ) -> [PipelineFailure] {
        var flags: [PipelineFailure] = []
        func flag(_ rule: RuleID, _ symbol: String, _ message: String) -> PipelineFailure {
            let failure = context.failure(.businessRuleViolation, rule, symbol, message)
            flags.append(failure)
            return failure
        }
        if let account = view.account, let equity = account.equity, let cash = account.cash {
            let sum = cash.value + (account.longMarketValue?.value ?? 0) + (account.shortMarketValue?.value ?? 0)
            if abs(equity.value - sum) > max(1, abs(equity.value) * valueTolerance) {
                view.accountFlags.append(
                    flag(Rules.accountEquity, "account", "equity \(equity.text) ≠ cash + long + short \(rounded(sum))"))
            }
        }
        for index in view.positions.indices {
            var position = view.positions[index]
            let multiplier = position.assetClass == "us_option" ? 100.0 : 1.0
            if let price = position.currentPrice, let value = position.marketValue {
                let expected = abs(position.quantity.value * price.value * multiplier)
                let signed = position.side == "short" ? -expected : expected
                if abs(value.value - signed) > max(0.01, expected * valueTolerance) {
                    position.flags.append(
                        flag(
                            Rules.positionValue, position.symbol,
                            "market value \(value.text) ≠ qty \(position.quantity.text) × price \(price.text)"))
                }
            }
            if let quote = quotes[position.symbol] {
                position.isStale = quote.enrichment.freshness != .fresh
                if let price = position.currentPrice, let bid = quote.value.bidPrice, let ask = quote.value.askPrice,
                    bid > 0, ask > 0
                {
                    let slack = price.value * positionPriceTolerance
                    if price.value < bid - slack || price.value > ask + slack {
                        position.flags.append(
                            flag(
                                Rules.positionPrice, position.symbol,
                                "position price \(price.text) outside the validated quote \(bid)–\(ask)"))
                    }
                }
            }
            view.positions[index] = position
        }
        return flags
    }

    private static func rounded(_ value: Double) -> String {
        let cents = (value * 100).rounded() / 100
        return "\(cents)"
    }
}
