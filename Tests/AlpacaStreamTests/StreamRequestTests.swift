import AlpacaAPI
import MessagePack
import Testing

@testable import AlpacaStream

@Suite struct StreamRequestTests {
    /// `ws_client_auth.json` and `ws_client_subscribe.json`'s shapes, with text that needs escaping.
    @Test func jsonRequestsHaveAlpacasShape() throws {
        let auth = StreamRequest.auth(key: "PK\"x\\y", secret: "s\u{1}")
        let document = try JSONDocument(bytes: auth.encoded(.json))
        #expect(try document.root["action"]?.string() == "auth")
        #expect(try document.root["key"]?.string() == "PK\"x\\y")
        #expect(try document.root["secret"]?.string() == "s\u{1}")
        let subscribe = StreamRequest.subscribe(StreamSubscription(trades: ["AAPL"], quotes: ["AMD", "CLDR"]))
        let text = String(decoding: subscribe.encoded(.json), as: UTF8.self)
        #expect(text == #"{"action":"subscribe","trades":["AAPL"],"quotes":["AMD","CLDR"]}"#)
    }

    @Test func messagePackRequestsAreMapsOfStrings() throws {
        let bytes = StreamRequest.unsubscribe(.stocks(["AAPL"])).encoded(.msgpack)
        var r = MessagePackReader(bytes)
        #expect(try r.readMapCount() == 7)
        #expect(try r.readString() == "action")
        #expect(try r.readString() == "unsubscribe")
        #expect(try r.readString() == "trades")
        #expect(try r.readArrayCount() == 1)
        #expect(try r.readString() == "AAPL")
    }
}
