import AlpacaSimulator
import MarketModel
import Pipeline
import SimulatorTestSupport
import Testing

/// The option rules on chains served by the simulator, and the chain's shape after the pipeline.
@Suite(.timeLimit(.minutes(1)))
struct OptionRuleTests {
    @Test func chainPassesThePipelineWithEveryContractPlaced() async throws {
        try await PipelineHarness.with { harness in
            let view = try await harness.service.optionChain("AAPL").get()
            #expect(view.expirations.count >= 6)
            #expect(view.selectedExpiration == view.expirations.first)
            #expect(view.rows.count >= 20)
            let spot = try #require(view.underlyingPrice)
            let strikes = view.rows.map(\.strike)
            #expect(strikes == strikes.sorted())
            #expect(strikes.first! < spot && strikes.last! > spot, "strikes straddle the money")
            var passed = 0
            for row in view.rows {
                for cell in [row.call, row.put].compactMap({ $0 }) {
                    #expect(cell.contract.expiration == view.selectedExpiration)
                    #expect(cell.contract.strikeThousandths == row.strikeThousandths)
                    if let quote = cell.quote {
                        passed += 1
                        #expect(quote.value.openInterest != nil)
                        #expect(quote.value.greeks != nil)
                    }
                }
            }
            #expect(passed >= 40)
            #expect(harness.service.journal.failures.isEmpty)
        }
    }

    @Test func invalidKeysWrongUnderlyingAndExpiredContractsAreRejected() async throws {
        try await PipelineHarness.with { harness in
            let view = try await harness.service.optionChain("AAPL").get()
            let contracts = view.rows.compactMap(\.call?.contract)
            harness.market.setOptionOverride(contracts[0].description, .renamedKey("NOTANOCC"))
            harness.market.setOptionOverride(
                contracts[1].description, .renamedKey("MSFT" + contracts[1].description.dropFirst(4)))
            harness.market.setOptionOverride(contracts[2].description, .renamedKey("AAPL200117C00100000"))
            _ = try await harness.service.optionChain("AAPL", bypassCache: true).get()
            let rules = Dictionary(harness.service.journal.failures.map { ($0.symbol, $0.rule.rawValue) }) { a, _ in a }
            #expect(rules["NOTANOCC"] == "V005")
            #expect(rules["MSFT" + contracts[1].description.dropFirst(4)] == "V006")
            #expect(rules["AAPL200117C00100000"] == "V007")
        }
    }

    @Test func askBelowIntrinsicAndGreeksOutOfRangeAreFlaggedInPlace() async throws {
        try await PipelineHarness.with { harness in
            let view = try await harness.service.optionChain("AAPL").get()
            let spot = try #require(view.underlyingPrice)
            let deepCall = try #require(view.rows.first { $0.strike < spot * 0.9 }?.call?.contract)
            let otherCall = try #require(view.rows.last?.call?.contract)
            harness.market.setOptionOverride(deepCall.description, .combined([.bidPrice(0), .askPrice(0.01)]))
            let now = harness.now.rfc3339
            harness.market.setOptionOverride(
                otherCall.description,
                .rawSnapshotJSON(
                    #"{"latestQuote":{"t":"\#(now)","bp":0.01,"ap":0.02,"bs":1,"as":1,"bx":"A","ax":"A","c":"A"},"greeks":{"delta":1.5,"gamma":0.01,"theta":-0.1,"vega":0.1,"rho":0.01},"impliedVolatility":0.3}"#
                ))
            let flagged = try await harness.service.optionChain("AAPL", bypassCache: true).get()
            let cells = flagged.rows.flatMap { [$0.call, $0.put] }.compactMap { $0 }
            let deep = try #require(cells.first { $0.contract == deepCall })
            #expect(deep.quote == nil)
            #expect(deep.failure?.rule?.rawValue == "B006")
            let greeks = try #require(cells.first { $0.contract == otherCall })
            #expect(greeks.failure?.rule?.rawValue == "B007")
            #expect(greeks.failure?.code == .businessRuleViolation)
            // Everything else in the chain still passes.
            #expect(cells.filter { $0.quote != nil }.count == cells.count - 2)
        }
    }

    @Test func optionQuotesForOCCSymbols() async throws {
        try await PipelineHarness.with { harness in
            let view = try await harness.service.optionChain("AAPL").get()
            let symbol = try #require(view.rows.first?.put?.contract.description)
            let results = try await harness.service.optionQuotes([symbol, "AAPL240126X00050000"])
            let quote = try #require(results[0].result.value)
            #expect(quote.value.contract.description == symbol)
            #expect(quote.value.openInterest != nil)
            #expect(results[1].result.failure?.rule?.rawValue == "V005")
        }
    }
}
