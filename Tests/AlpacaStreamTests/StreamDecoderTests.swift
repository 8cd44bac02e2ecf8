import AlpacaAPI
import MarketModel
import MessagePack
import Testing

@testable import AlpacaStream

/// The decoder over Alpaca's official stream examples (shared/alpaca-examples/stream), in both
/// framings, and over damaged frames.
@Suite struct StreamDecoderTests {
    /// `ws_data_quote.json`, `ws_data_trade.json`, `ws_data_minute_bar.json` and `ws_data_status.json`,
    /// batched in one frame as Alpaca batches data messages.
    static let dataFrame = """
        [{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,\
        "t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},\
        {"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z","c":["@","I"],"z":"C"},\
        {"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"},\
        {"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"T12",\
        "rm":"Trading Halted; For information requested by NASDAQ","t":"2021-02-22T19:15:00Z","z":"C"}]
        """

    static func expectOfficialData(_ messages: [StreamMessage]) {
        #expect(messages.count == 4)
        guard messages.count == 4 else { return }
        guard case .quote("AMD", let quote) = messages[0] else {
            Issue.record("not a quote: \(messages[0])")
            return
        }
        #expect(quote.bidPrice == 87.66 && quote.askPrice == 87.68 && quote.bidSize == 1 && quote.askSize == 4)
        #expect(quote.bidExchange == "U" && quote.askExchange == "Q" && quote.conditions == ["R"] && quote.tape == "C")
        #expect(quote.time == Timestamp(rfc3339: "2021-02-22T15:51:45.335689322Z"))
        guard case .trade("AAPL", let trade) = messages[1] else {
            Issue.record("not a trade: \(messages[1])")
            return
        }
        #expect(trade.price == 126.55 && trade.size == 1 && trade.id == 96921 && trade.conditions == ["@", "I"])
        guard case .bar(.minute, "SPY", let bar) = messages[2] else {
            Issue.record("not a bar: \(messages[2])")
            return
        }
        #expect(bar.open == 388.985 && bar.high == 389.13 && bar.low == 388.975 && bar.close == 389.12)
        #expect(bar.volume == 49378)
        guard case .status("AAPL", let status) = messages[3] else {
            Issue.record("not a status: \(messages[3])")
            return
        }
        #expect(status.code == "H" && status.reasonCode == "T12" && status.message == "Trading Halt")
    }

    @Test func theOfficialExamplesDecodeFromJSON() {
        Self.expectOfficialData(StreamDecoder.decode(Array(Self.dataFrame.utf8), framing: .json))
    }

    /// The same messages as MessagePack, timestamps as MessagePack timestamps (as Alpaca sends them).
    @Test func theOfficialExamplesDecodeFromMessagePack() {
        var w = MessagePackWriter()
        w.writeArrayHeader(4)
        func key(_ k: String, _ v: String) {
            w.write(k)
            w.write(v)
        }
        func number(_ k: String, _ v: Double) {
            w.write(k)
            w.write(v)
        }
        func integer(_ k: String, _ v: Int64) {
            w.write(k)
            w.write(v)
        }
        func time(_ text: String) {
            let t = Timestamp(rfc3339: text)!
            w.write("t")
            w.writeTimestamp(seconds: t.wholeSeconds, nanoseconds: t.nanoseconds - t.wholeSeconds * 1_000_000_000)
        }
        w.writeMapHeader(11)
        key("T", "q")
        key("S", "AMD")
        key("bx", "U")
        number("bp", 87.66)
        integer("bs", 1)
        key("ax", "Q")
        number("ap", 87.68)
        integer("as", 4)
        time("2021-02-22T15:51:45.335689322Z")
        w.write("c")
        w.writeArrayHeader(1)
        w.write("R")
        key("z", "C")
        w.writeMapHeader(9)
        key("T", "t")
        integer("i", 96921)
        key("S", "AAPL")
        key("x", "D")
        number("p", 126.55)
        integer("s", 1)
        time("2021-02-22T15:51:44.208Z")
        w.write("c")
        w.writeArrayHeader(2)
        w.write("@")
        w.write("I")
        key("z", "C")
        w.writeMapHeader(8)
        key("T", "b")
        key("S", "SPY")
        number("o", 388.985)
        number("h", 389.13)
        number("l", 388.975)
        number("c", 389.12)
        integer("v", 49378)
        time("2021-02-22T19:15:00Z")
        w.writeMapHeader(8)
        key("T", "s")
        key("S", "AAPL")
        key("sc", "H")
        key("sm", "Trading Halt")
        key("rc", "T12")
        key("rm", "Trading Halted; For information requested by NASDAQ")
        time("2021-02-22T19:15:00Z")
        key("z", "C")
        Self.expectOfficialData(StreamDecoder.decode(w.bytes, framing: .msgpack))
    }

    /// The decoder's key codes are literals; each must be its key's bytes as the reader codes them.
    @Test func keyCodesAreTheKeysBytes() {
        #expect(StreamDecoder.Key.all.count == 31)
        for (name, code) in StreamDecoder.Key.all {
            #expect(MessagePackReader.keyCode(name) == code, "\(name)")
        }
    }

    /// Control messages: `ws_server_success_*`, `ws_server_subscription.json`, every error example.
    @Test func controlMessagesDecode() {
        let frames: [(String, StreamMessage)] = [
            (#"[{"T":"success","msg":"connected"}]"#, .success("connected")),
            (#"[{"T":"success","msg":"authenticated"}]"#, .success("authenticated")),
            (
                #"[{"T":"error","code":406,"msg":"connection limit exceeded"}]"#,
                .error(code: 406, message: "connection limit exceeded")
            ),
            (
                #"[{"T":"error","code":405,"msg":"symbol limit exceeded"}]"#,
                .error(code: 405, message: "symbol limit exceeded")
            ),
            (
                #"[{"T":"subscription","trades":["AAPL"],"quotes":["AMD","CLDR"],"bars":["IBM","AAPL","VOO"]}]"#,
                .subscription(
                    StreamSubscription(trades: ["AAPL"], quotes: ["AMD", "CLDR"], bars: ["IBM", "AAPL", "VOO"]))
            ),
            (#"[{"T":"l","S":"AAPL","u":1,"d":0.5}]"#, .ignored(type: "l")),
        ]
        for (text, expected) in frames {
            #expect(StreamDecoder.decode(Array(text.utf8), framing: .json) == [expected], "\(text)")
        }
    }

    /// One damaged element is reported with its symbol; its neighbours still decode.
    @Test func aBadElementNeverHidesItsNeighbours() {
        let text = """
            [{"T":"q","S":"AAPL","bp":"oops","ap":1,"t":"2024-03-12T14:15:22Z"},\
            {"T":"t","S":"MSFT","p":1e400,"s":1,"t":"2024-03-12T14:15:22Z"},\
            {"T":"q","S":"SPY","bp":1,"ap":2,"bs":1,"as":1,"t":"2024-03-12T14:15:22Z"},\
            {"S":"X"},7]
            """
        let messages = StreamDecoder.decode(Array(text.utf8), framing: .json)
        #expect(messages.count == 5)
        guard messages.count == 5 else { return }
        #expect(messages[0].symbol == "AAPL" && messages[0].typeCode == "malformed")
        #expect(messages[1].symbol == "MSFT" && messages[1].typeCode == "malformed")
        #expect(messages[2].typeCode == "q" && messages[2].symbol == "SPY")
        #expect(messages[3].typeCode == "malformed" && messages[4].typeCode == "malformed")
    }

    /// MessagePack: a wrong-typed field, a NaN price and an out-of-range timestamp each make only
    /// their element malformed.
    @Test func messagePackFieldErrorsStayInTheirElement() {
        var w = MessagePackWriter()
        w.writeArrayHeader(4)
        w.writeMapHeader(3)
        w.write("T")
        w.write("q")
        w.write("S")
        w.write("AAPL")
        w.write("bp")
        w.write(true)
        w.writeMapHeader(3)
        w.write("T")
        w.write("q")
        w.write("S")
        w.write("MSFT")
        w.write("ap")
        w.write(Double.nan)
        w.writeMapHeader(3)
        w.write("T")
        w.write("t")
        w.write("S")
        w.write("IBM")
        w.write("t")
        w.writeTimestamp(seconds: Int64.max / 2, nanoseconds: 0)
        w.writeMapHeader(2)
        w.write("T")
        w.write("q")
        w.write("S")
        w.write("SPY")
        let messages = StreamDecoder.decode(w.bytes, framing: .msgpack)
        #expect(messages.map(\.typeCode) == ["malformed", "malformed", "malformed", "q"])
        #expect(messages.map(\.symbol) == ["AAPL", "MSFT", "IBM", "SPY"])
    }

    /// Headers that claim more elements than the frame holds are refused before any allocation.
    @Test func hugeLengthsInTinyFramesAreRefused() {
        for bytes: [UInt8] in [
            [0xdd, 0xff, 0xff, 0xff, 0xff], [0x91, 0xdf, 0xff, 0xff, 0xff, 0xff], [0xdb, 0xff, 0xff, 0xff, 0xff],
            [0x91, 0x81, 0xa1, 0x54, 0xdb, 0x7f, 0xff, 0xff, 0xff], [], [0xc1], [0x93, 0x80],
        ] {
            let messages = StreamDecoder.decode(bytes, framing: .msgpack)
            #expect(!messages.isEmpty && messages.allSatisfy { !$0.isData || $0.typeCode == "malformed" }, "\(bytes)")
        }
        #expect(StreamDecoder.decode(Array("{}".utf8), framing: .json).map(\.typeCode) == ["malformed"])
        #expect(StreamDecoder.decode(Array("[".utf8), framing: .json).map(\.typeCode) == ["malformed"])
    }
}

extension StreamDecoderTests {
    /// A MessagePack subscription echo: keys longer than a key code (dailyBars, updatedBars) are
    /// read by name, and an unknown long key is skipped.
    @Test func aMessagePackSubscriptionEchoKeepsEveryChannel() {
        var w = MessagePackWriter()
        w.writeArrayHeader(1)
        w.writeMapHeader(5)
        w.write("T")
        w.write("subscription")
        for (name, symbols) in [("quotes", ["AAPL"]), ("dailyBars", ["SPY"]), ("updatedBars", ["IBM", "VOO"])] {
            w.write(name)
            w.writeArrayHeader(symbols.count)
            for symbol in symbols { w.write(symbol) }
        }
        w.write("somethingLongerThanEight")
        w.write(Int64(5))
        let messages = StreamDecoder.decode(w.bytes, framing: .msgpack)
        #expect(
            messages == [
                .subscription(StreamSubscription(quotes: ["AAPL"], dailyBars: ["SPY"], updatedBars: ["IBM", "VOO"]))
            ])
    }
}
