// fuzz-ratelimit: the rate-limit headers parser (`RateLimitHeaders(response:)`, which reads
// `X-RateLimit-Limit/Remaining/Reset` and `Retry-After` in delta-seconds or HTTP-date form) and
// `earliestRetry(now:)`, then the `RateLimiter` fed those responses on a fake clock.
//
// Input: byte 0–3 pick `now` (a fixed 2024 instant plus up to 2^32 ms); then responses, each a
// status byte, a header count, and per header a name byte (the four names in varied case, or a
// raw name) and a length-prefixed value. Invariants: no trap; every parsed field and
// `earliestRetry` is finite; counts are in 0...RateLimitHeaders.maximumCount; after a 429 the
// host is held at most one hour (and `RateLimiter.maximumHold`) after now; `acquire` returns
// after a bounded, finite wait.

import AlpacaAPI
import FuzzSupport
import HTTPCore
import MarketModel
import Synchronization

/// The fake wall clock the limiter reads, moved only by its own sleeps.
final class FakeClock: Sendable {
    let seconds: Mutex<Double>
    let sleeps = Mutex(0)
    init(_ start: Double) { seconds = Mutex(start) }
}

let names = ["x-ratelimit-limit", "X-RateLimit-Remaining", "x-ratelimit-reset", "Retry-After"]

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var reader = ByteReader(data, count)
    let now = 1_710_513_000 + Double(reader.u32()) / 1000
    let clock = FakeClock(now)
    let timing = RateLimiter.Timing(
        now: { clock.seconds.withLock { $0 } },
        sleep: { seconds in
            let calls = clock.sleeps.withLock { n in
                n += 1
                return n
            }
            require(seconds.isFinite && seconds >= 0, "the limiter asked to sleep \(seconds) s")
            require(calls <= 10_000, "acquire slept 10 000 times without going through")
            // Exactly the time asked for: before cb30530 such a clock could livelock the limiter
            // (near 1.7e9 s, `now + 3e-8 == now`; Fuzz/FINDINGS.md, F6).
            clock.seconds.withLock { $0 += seconds }
        })
    let limiter = RateLimiter(requestsPerMinute: 180, burst: 10, maxInFlight: 8, timing: timing)
    var responses = 0
    while !reader.isAtEnd && responses < 16 {
        responses += 1
        let statusByte = reader.u8()
        let status = [429, 200, 503, 429][Int(statusByte % 4)]
        var headers: [String: String] = [:]
        for _ in 0..<Int(reader.u8() % 6) {
            let nameByte = reader.u8()
            let name: String
            if nameByte < 240 {
                let base = names[Int(nameByte) % names.count]
                name = nameByte & 0x10 != 0 ? base.uppercased() : base
            } else {
                name = String(decoding: reader.chunk(), as: UTF8.self)
            }
            // The transport lower-cases names; the last value of a repeated name wins.
            headers[name.lowercased()] = String(decoding: reader.chunk(), as: UTF8.self)
        }
        let response = HTTPResponse(status: status, headers: headers)
        let parsed = RateLimitHeaders(response: response)
        if let v = parsed.limit { require((0...RateLimitHeaders.maximumCount).contains(v), "limit \(v)") }
        if let v = parsed.remaining { require((0...RateLimitHeaders.maximumCount).contains(v), "remaining \(v)") }
        if let v = parsed.reset { require(v.isFinite && v > 0, "reset \(v)") }
        if let v = parsed.retryAfter { require(v.isFinite && v >= 0, "retry-after \(v)") }
        if let v = parsed.retryAt { require(v.isFinite, "retry-at \(v)") }
        let current = clock.seconds.withLock { $0 }
        if let earliest = parsed.earliestRetry(now: current) {
            require(earliest.isFinite, "earliestRetry is \(earliest) for \(headers)")
        }

        let host = "data.alpaca.markets"
        let (hold, blocked) = blocking {
            let hold = await limiter.record(parsed, status: status, host: host)
            return (hold, await limiter.blocked(host: host))
        }
        let after = clock.seconds.withLock { $0 }
        if let hold {
            require(hold.until.isFinite && hold.requested.isFinite, "hold \(hold)")
            require(
                hold.until <= after + RateLimiter.maximumHold + 1e-6 && hold.until <= after + 3600,
                "held until \(hold.until - after) s after now for \(headers)")
        }
        if let blocked {
            require(blocked.isFinite, "blocked until \(blocked)")
            require(
                blocked <= after + 3600, "blocked \(blocked - after) s after now (more than an hour) for \(headers)")
        }
        // The next request goes through after a bounded wait.
        if reader.u8() & 1 == 1 {
            let start = clock.seconds.withLock { $0 }
            blocking {
                do { try await limiter.acquire(host: host) } catch { violated("acquire threw \(error)") }
            }
            let waited = clock.seconds.withLock { $0 } - start
            require(waited.isFinite && waited >= 0 && waited <= 3600, "acquire waited \(waited) s")
        }
    }
    return 0
}
