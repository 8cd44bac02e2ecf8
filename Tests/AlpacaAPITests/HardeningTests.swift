import AlpacaSimulator
import CurlTransport
import Foundation
import HTTPCore
import MarketModel
import SimulatorTestSupport
import Synchronization
import Testing

@testable import AlpacaAPI

/// Issue 8's defects on the client side, each through the real transport against the simulator
/// wherever the value can be served over HTTP.
// Serialized: each case starts a simulator; side by side they starve the in-process simulators
// of other suites, which share the test process's two cooperative threads.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct HardeningTests {
    static func liveClock() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        configuration.clock = .system
        return configuration
    }

    /// A limiter whose sleeps advance virtual time, so a long hold costs no real time.
    final class VirtualTime: Sendable {
        let now = Mutex<Double>(Double(Timestamp.now().wholeSeconds))
        var timing: RateLimiter.Timing {
            RateLimiter.Timing(now: { self.now.withLock { $0 } }, sleep: { s in self.now.withLock { $0 += s } })
        }
        var value: Double { now.withLock { $0 } }
    }

    // MARK: Rate-limit headers

    @Test(arguments: ["1e15", "99999999999999999999", "1733000000000", "inf"])
    func aFarFutureOrMillisecondResetNeverLocksTheHostOut(reset: String) async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let time = VirtualTime()
            let observer = RecordingObserver()
            let client = upstream.client(
                limiter: RateLimiter(requestsPerMinute: 6000, burst: 100, timing: time.timing), observer: observer)
            let start = time.value
            let response = try await client.get(
                .data, "/_sim/test/status/429",
                query: ClientPolicyTests.query(["key": reset, "times": "1", "reset": reset]),
                endpoint: "GET t")
            #expect(response.status == 200, "the request that corrects the budget is sent")
            #expect(time.value - start <= RateLimiter.maximumHold + 0.5, "held \(time.value - start) s")
            #expect(upstream.server.stats.requests(to: "/_sim/test/status/429") == 2)
            let hold = observer.events.compactMap(\.hold).first
            #expect(hold.map { $0.until - start <= RateLimiter.maximumHold + 0.5 } ?? false)
        }
    }

    @Test func resetHeadersAreBoundedWhenRead() {
        func headers(_ fields: [String: String]) -> RateLimitHeaders {
            RateLimitHeaders(response: HTTPResponse(status: 429, headers: fields))
        }
        #expect(headers(["x-ratelimit-reset": "1733000000000"]).reset == 1_733_000_000)
        #expect(headers(["x-ratelimit-reset": "1733000000"]).reset == 1_733_000_000)
        #expect(headers(["x-ratelimit-reset": "-5"]).reset == nil)
        #expect(headers(["x-ratelimit-reset": "nan"]).reset == nil)
        #expect(headers(["x-ratelimit-limit": "99999999999999999999"]).limit == nil)
        #expect(headers(["x-ratelimit-remaining": "-1"]).remaining == nil)
        #expect(headers(["retry-after": " 7 "]).retryAfter == 7)
        #expect(headers(["retry-after": "1e400"]).retryAfter == nil)
        #expect(headers(["retry-after": "-3"]).retryAfter == nil)
    }

    @Test func retryAfterAcceptsTheThreeHTTPDateForms() {
        let expected: Int64 = 784_111_777  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == expected)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == expected)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == expected)
        for bad in [
            "", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "\u{1B}[2J",
        ] {
            #expect(HTTPDate.parse(bad) == nil, "\(bad)")
        }
        let response = HTTPResponse(status: 429, headers: ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"])
        let headers = RateLimitHeaders(response: response)
        #expect(headers.retryAt == Double(expected))
        #expect(headers.earliestRetry(now: 0) == Double(expected))
    }

    @Test func anHTTPDateRetryAfterIsHonouredOverHTTP() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let time = VirtualTime()
            let observer = RecordingObserver()
            let client = upstream.client(
                limiter: RateLimiter(requestsPerMinute: 6000, burst: 100, timing: time.timing), observer: observer)
            let start = time.value
            // 30 s after the virtual now, in IMF-fixdate.
            let date = Self.imfFixdate(Int64(start) + 30)
            _ = try await client.get(
                .data, "/_sim/test/status/429",
                query: ClientPolicyTests.query(["key": "date", "times": "1", "retry_after": date]), endpoint: "GET t")
            #expect(time.value - start >= 30, "waited \(time.value - start) s for \(date)")
            #expect(time.value - start <= 32)
        }
    }

    static func imfFixdate(_ seconds: Int64) -> String {
        let days = Int(seconds / 86_400)
        let date = CalendarDate(daysSinceEpoch: days)
        let second = Int(seconds % 86_400)
        let names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(names[date.weekday]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60)) GMT"
    }

    @Test func aLimiterHoldIsCappedAndSaysSo() async throws {
        let time = VirtualTime()
        let limiter = RateLimiter(timing: time.timing)
        let hold = try #require(
            await limiter.record(RateLimitHeaders(remaining: 0, reset: time.value + 1e9), status: 429, host: "h"))
        #expect(hold.isCapped)
        #expect(hold.until == time.value + RateLimiter.maximumHold)
        let honest = try #require(
            await limiter.record(RateLimitHeaders(remaining: 0, reset: time.value + 10), status: 429, host: "k"))
        #expect(!honest.isCapped)
        // Pacing never believes a far reset either: no request waits past the cap (uncapped, the
        // first would wait 1e9 / 5 seconds).
        await limiter.record(
            RateLimitHeaders(limit: 200, remaining: 5, reset: time.value + 1e9), status: 200, host: "p")
        for _ in 0..<5 {
            let before = time.value
            try await limiter.acquire(host: "p")
            #expect(time.value - before <= RateLimiter.maximumHold + 0.001)
        }
    }

    // MARK: Bodies

    @Test func aTruncatedOKBodyIsRetriedLikeAResetConnection() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            upstream.server.market.setTruncation(path: "/v2/clock", times: 1)
            let clock = try await upstream.client().clock()
            #expect(clock.timestamp.nanoseconds > 0)
            #expect(upstream.server.stats.requests(to: "/v2/clock") == 2)
            // Truncated every time: three attempts, then a decoding error that says so.
            upstream.server.market.setTruncation(path: "/v2/clock", times: 10)
            let error = await #expect(throws: AlpacaError.self) { _ = try await upstream.client().clock() }
            #expect(error?.kind == .decoding)
            #expect(error?.message.contains("truncated") == true)
            #expect(upstream.server.stats.requests(to: "/v2/clock") == 5)
        }
    }

    @Test func aBodyOfTinyValuesIsRefusedBeforeItCostsEightTimesItsSize() throws {
        // 256 KiB of `[0,0,0,…]`, two bytes a value (kept small: a debug build parses it on one of the
        // test process's two cooperative threads, which the in-process simulators of other suites
        // need; the 16 MiB figure is in docs/reliability.md, from `Benchmarks json-memory`).
        let count = 128 << 10
        let bytes = [UInt8](unsafeUninitializedCapacity: 2 * count + 1) { buffer, initialized in
            buffer[0] = UInt8(ascii: "[")
            for i in 0..<count {
                buffer[1 + 2 * i] = UInt8(ascii: "0")
                buffer[2 + 2 * i] = UInt8(ascii: ",")
            }
            buffer[2 * count] = UInt8(ascii: "]")
            initialized = 2 * count + 1
        }
        let error = #expect(throws: JSONError.self) { _ = try JSONDocument(bytes: bytes) }
        #expect(error?.message.contains("four bytes") == true)
        // The tape holds at most one 16-byte token per four bytes of text: ≤ 4× the body.
        #expect(
            JSONParser.tokenLimit(byteCount: bytes.count) * MemoryLayout<JSONDocument.Token>.stride <= 4 * bytes.count
                + 256)
        // Real bodies are far from the limit: every official example parses.
        let padded = "[" + Array(repeating: "1234", count: 1000).joined(separator: ",") + "]"
        #expect(throws: Never.self) { _ = try JSONDocument(bytes: Array(padded.utf8)) }
    }

    @Test func numbersSentAsStringsAreSchemaDriftInMarketData() throws {
        let body = #"{"AAPL":{"latestQuote":{"t":"2024-03-12T14:15:22Z","bp":"189.5","ap":189.6,"bs":1,"as":1}}}"#
        let document = try JSONDocument(bytes: Array(body.utf8))
        let quote = document.root["AAPL"]?["latestQuote"]
        #expect(throws: DecodeError.self) { _ = try quote?["bp"]?.double() }
        #expect(try quote?["ap"]?.double() == 189.6)
        // The trading API's string counts stay readable where they are documented as strings.
        let contract = try JSONDocument(bytes: Array(#"{"open_interest":"237"}"#.utf8)).root
        #expect(try contract["open_interest"]?.int64(allowingString: true) == 237)
        #expect(throws: DecodeError.self) { _ = try contract["open_interest"]?.int64() }
    }

    // MARK: Redaction

    @Test func requestIDsAndDecodeErrorsPassTheSameRedaction() async throws {
        try await SimulatedUpstream.with(Self.liveClock()) { upstream in
            let canary = "CANARY-" + UUID().uuidString
            let client = upstream.client(
                credentials: Credentials(keyID: Secret("PKTEST"), secretKey: Secret(canary)),
                retry: RetryPolicy(maxAttempts: 1, base: 0.01, cap: 0.01))
            let hostile = "id-\(canary)-\u{1B}]0;pwned\u{07}"
            let error = await #expect(throws: AlpacaError.self) {
                _ = try await client.get(
                    .data, "/_sim/test/status/500",
                    query: ClientPolicyTests.query(["key": "rid", "times": "5", "request_id": hostile]),
                    endpoint: "GET t")
            }
            let text = error.map { "\($0)" } ?? ""
            #expect(!text.contains(canary))
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
            #expect(error?.requestID?.hasPrefix("id-") == true)
        }
    }

    @Test func perEntryDecodeErrorsAreRedactedAndBounded() {
        let canary = "CANARY-" + UUID().uuidString
        let client = AlpacaClient(
            configuration: AlpacaClient.Configuration(
                hosts: AlpacaHosts(trading: "http://127.0.0.1:1", data: "http://127.0.0.1:1"),
                credentials: Credentials(keyID: Secret("PKTEST"), secretKey: Secret(canary))),
            transport: CurlTransport())
        let error = client.redacted(
            DecodeError("bad \(canary)", path: [canary, String(repeating: "k", count: 10_000), "bp"]))
        #expect(!error.description.contains(canary))
        #expect(error.path.allSatisfy { $0.count <= 64 })
        #expect(error.path.last == "bp")
    }

    // MARK: Loopback

    @Test func onlyRealLoopbackAddressesMayUsePlainHTTP() {
        for url in [
            "http://127.0.0.1:8080/v2", "http://127.1.2.3", "http://localhost:1/x", "http://[::1]:80/",
            "HTTP://LOCALHOST",
        ] {
            #expect(URLParts(url)?.isAllowedUpstream == true, "\(url)")
        }
        for url in [
            "http://127.evil.com", "http://127.0.0.1.evil.com", "http://127.1", "http://0177.0.0.1",
            "http://127.0.0.256",
            "http://127.0.0.1@evil.com", "http://evil.com\\@127.0.0.1", "http://127.0.0.1%2eevil.com",
            "http://127.0.0.1:0", "http://127.0.0.1:99999", "http://[::2]", "http://localhost.",
        ] {
            #expect(URLParts(url)?.isAllowedUpstream != true, "\(url)")
        }
    }

    @Test func theTransportRefusesADisguisedHost() async throws {
        let transport = CurlTransport()
        let error = await #expect(throws: HTTPError.self) {
            _ = try await transport.send(HTTPRequest(url: "http://127.evil.com/v2/clock"))
        }
        #expect(error?.kind == .invalidURL)
    }
}
