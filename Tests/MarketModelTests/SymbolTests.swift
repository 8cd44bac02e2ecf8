import MarketModel
import Testing

struct SymbolTests {
    @Test(arguments: [
        ("AAPL240126P00050000", "AAPL", "2024-01-26", OCCSymbol.Kind.put, 50_000),
        ("SPY240426C00555000", "SPY", "2024-04-26", .call, 555_000),
        ("SPXW240327P04925000", "SPXW", "2024-03-27", .put, 4_925_000),
        ("NIO240719P00002000", "NIO", "2024-07-19", .put, 2_000),
        ("GOOG1240719C00032500", "GOOG1", "2024-07-19", .call, 32_500),
    ])
    func parsesOCC(text: String, root: String, date: String, kind: OCCSymbol.Kind, strike: Int) throws {
        let occ = try #require(OCCSymbol(text))
        #expect(occ.root == root)
        #expect(occ.expiration.description == date)
        #expect(occ.kind == kind)
        #expect(occ.strikeThousandths == strike)
        #expect(occ.description == text)
    }

    @Test(arguments: [
        "AAPL", "AAPL240126X00050000", "AAPL241326P00050000", "AAPL240230P00050000", "aapl240126P00050000",
        "TOOLONGR240126P00050000", "AAPL240126P0005000", "AAAAPL240126P00050000PL", "AAPL 240126P00050000",
    ])
    func rejectsInvalidOCC(text: String) {
        #expect(OCCSymbol(text) == nil)
    }

    @Test func stockFormat() {
        // Everything Alpaca can list, including well-formed symbols it does not know (sent, then null).
        let ok = [
            "AAPL", "F", "BRK.B", "GOOGL", "BF.A", "TOOLONG", "INVALID", "BAC.PR.L", "A1",
            String(repeating: "A", count: 20),
        ]
        for symbol in ok { #expect(SymbolFormat.isStock(symbol), "\(symbol)") }
        // Only what would make Alpaca refuse the whole multi-symbol request.
        let bad = [
            "", "aapl", "AAPL.", ".B", "1A", "BRK..B", "A.B.C.D", "BTC/USD", "AAPL\u{1B}", "AAPL B", "AAPL,MSFT",
            String(repeating: "A", count: 21), "AAPL\u{202E}",
        ]
        for symbol in bad { #expect(!SymbolFormat.isStock(symbol), "\(symbol)") }
    }
}
