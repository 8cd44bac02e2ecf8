import AlpacaAPI
import Foundation
import MarketModel
import Testing

/// The cases of alpaca-wire.md §10 and reliability §1.5: tolerance where Alpaca varies, and one
/// bad entry failing only itself.
struct TolerantDecodingTests {
    private func root(_ text: String) throws -> JSONValue { try JSONDocument(bytes: Array(text.utf8)).root }

    @Test func memberCountCountsMembersAndElementsOnlyAtTheTopLevel() throws {
        let object = try root(#"{"a": {"x": [1, 2, {"y": 3}]}, "b": null, "c": [4, 5], "d": "s"}"#)
        #expect(object.memberCount == 4)
        #expect(try #require(object["a"]?["x"]).memberCount == 3)
        #expect(try #require(object["c"]).memberCount == 2)
        #expect(try #require(object["d"]).memberCount == 0)
        #expect(try root("{}").memberCount == 0)
        #expect(try root("[]").memberCount == 0)
    }

    @Test func conditionsAsArrayStringOrEmptyAndWrongElementsRejected() throws {
        #expect(try WireTrade(json: root(#"{"c": ["@", "T", "I"]}"#)).conditions == ["@", "T", "I"])
        #expect(try WireTrade(json: root(#"{"c": "I"}"#)).conditions == ["I"])
        #expect(try WireTrade(json: root(#"{"c": []}"#)).conditions == [])
        #expect(throws: DecodeError.self) { try WireTrade(json: root(#"{"c": ["@", 5]}"#)) }
        #expect(throws: DecodeError.self) { try WireTrade(json: root(#"{"c": {"a": "b"}}"#)) }
    }

    @Test func nullSnapshotEntryAndMissingParts() throws {
        let body = try root(#"{"AAPL": {"latestQuote": null, "prevDailyBar": null}, "ZZZZ": null}"#)
        let aapl = try WireStockSnapshot(json: try #require(body["AAPL"]))
        #expect(aapl.latestQuote == nil)
        #expect(aapl.previousDailyBar == nil)
        #expect(body["ZZZZ"]?.isNull == true)
    }

    @Test func blankAndLowerCaseCodes() throws {
        let q = try WireQuote(json: try root(#"{"ax":"w","bx":" ","c":" ","ap":1,"bp":0.5,"as":1,"bs":1}"#))
        #expect(q.askExchange == "w")
        #expect(q.bidExchange == " ")
        #expect(q.conditions == [" "])
    }

    @Test func twentyDigitDecimalsKeepPrecision() throws {
        let d = try WireDecimal(json: try root(#""122011.09751111286868""#))
        #expect(d.value.description == "122011.09751111286868")
        let n = try WireDecimal(json: try root("1"))
        #expect(n.text == "1")
        #expect(throws: DecodeError.self) { try WireDecimal(json: try root(#""NaN""#)) }
    }

    @Test func missingGreeksAndBothTokenForms() throws {
        let snap = try WireOptionSnapshot(json: try root(#"{"latestQuote":{"ap":1.2,"bp":1.1,"as":1,"bs":1}}"#))
        #expect(snap.greeks == nil)
        #expect(snap.impliedVolatility == nil)
        #expect(try root(#"{"next_page_token": null}"#)["next_page_token"]?.isNull == true)
        #expect(try root(#"{"next_page_token": "MTAwMA=="}"#)["next_page_token"]?.string() == "MTAwMA==")
    }

    @Test func numbersSentAsStringsAreRefusedInMarketData() throws {
        // Schema drift (reliability.md D2): the trade is a schema violation of its symbol.
        #expect(throws: DecodeError.self) { try WireTrade(json: try root(#"{"p": "172.5", "s": 100}"#)) }
        #expect(throws: DecodeError.self) { try WireTrade(json: try root(#"{"p": 172.5, "s": "100"}"#)) }
        let t = try WireTrade(json: try root(#"{"p": 172.5, "s": 100, "i": 71697353758036, "c": "I"}"#))
        #expect(t.price == 172.5)
        #expect(t.size == 100)
        #expect(t.id == 71_697_353_758_036)
        #expect(t.conditions == ["I"])
        let bar = try WireBar(json: try root(#"{"o": 174, "h": 161, "l": 1e2, "c": 0.000001, "v": 5}"#))
        #expect(bar.open == 174)
        #expect(bar.low == 100)
        #expect(bar.close == 0.000001)
    }

    @Test(arguments: [
        #"{"ap": "NaN"}"#, #"{"ap": 1e400}"#, #"{"ap": true}"#, #"{"as": 1.5}"#, #"{"t": "yesterday"}"#,
        #"{"t": "2022-02-01"}"#, #"{"bp": null, "ap": -1e999}"#,
    ])
    func badValuesFailTheEntry(text: String) throws {
        #expect(throws: DecodeError.self) { try WireQuote(json: try root(text)) }
    }

    @Test func unknownKeysAreIgnoredAndEscapesDecoded() throws {
        let a = try WireAsset(
            json: try root(
                #"{"id":"x","class":"us_equity","exchange":"NASDAQ","symbol":"AAPL","name":"A\u001b[2J\"B\ud83d\ude00","status":"active","tradable":true,"new_field":{"x":[1,2]}}"#
            ))
        #expect(a.name == "A\u{1B}[2J\"B😀")
    }

    @Test func invalidJSONIsReportedWithOffset() {
        for text in ["", "{", #"{"a":}"#, "[1,]", #"{"a":1} x"#, "\"\u{01}\"", "01", "-", "1.", "1e"] {
            #expect(throws: JSONError.self, "\(text)") { _ = try JSONDocument(bytes: Array(text.utf8)) }
        }
    }

    @Test func doubleParsingMatchesTheStandardLibrary() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double.random(in: 0..<100_000, using: &rng)
            let texts = [String(value), String(format2(value)), "\(Int.random(in: 0..<1_000_000))"]
            for text in texts {
                #expect(try root(text).double() == Double(text)!, "\(text)")
            }
        }
    }

    private func format2(_ v: Double) -> String {
        let cents = Int((v * 100).rounded())
        return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
