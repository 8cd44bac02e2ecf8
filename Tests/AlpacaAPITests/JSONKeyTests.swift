import Testing

@testable import AlpacaAPI

/// The key codes the decoders switch on are literals; each must equal the hash of its key.
struct JSONKeyTests {
    @Test func everyLiteralCodeIsTheHashOfItsKey() {
        let codes: [(UInt64, String)] = [
            (JSONKey.t, "t"),
            (JSONKey.x, "x"),
            (JSONKey.p, "p"),
            (JSONKey.s, "s"),
            (JSONKey.i, "i"),
            (JSONKey.c, "c"),
            (JSONKey.z, "z"),
            (JSONKey.bx, "bx"),
            (JSONKey.bp, "bp"),
            (JSONKey.bs, "bs"),
            (JSONKey.ax, "ax"),
            (JSONKey.ap, "ap"),
            (JSONKey.`as`, "as"),
            (JSONKey.o, "o"),
            (JSONKey.h, "h"),
            (JSONKey.l, "l"),
            (JSONKey.v, "v"),
            (JSONKey.n, "n"),
            (JSONKey.vw, "vw"),
            (JSONKey.latestTrade, "latestTrade"),
            (JSONKey.latestQuote, "latestQuote"),
            (JSONKey.minuteBar, "minuteBar"),
            (JSONKey.dailyBar, "dailyBar"),
            (JSONKey.prevDailyBar, "prevDailyBar"),
            (JSONKey.greeks, "greeks"),
            (JSONKey.impliedVolatility, "impliedVolatility"),
        ]
        for (code, key) in codes {
            #expect(code == JSONKey.code(key), "JSONKey literal for \"\(key)\"")
        }
        #expect(Set(codes.map(\.0)).count == codes.count, "no two keys share a code")
    }
}
