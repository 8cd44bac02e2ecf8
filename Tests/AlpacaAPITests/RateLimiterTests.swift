import AlpacaAPI
import Synchronization
import Testing

/// The limiter against a virtual clock: its sleeps advance time instead of waiting.
struct RateLimiterTests {
    final class VirtualTime: Sendable {
        let now = Mutex<Double>(1_000_000)
        var timing: RateLimiter.Timing {
            RateLimiter.Timing(
                now: { self.now.withLock { $0 } },
                sleep: { seconds in self.now.withLock { $0 += seconds } })
        }
        var value: Double { now.withLock { $0 } }
    }

    @Test func burstThenTheSustainedRate() async throws {
        let time = VirtualTime()
        let limiter = RateLimiter(requestsPerMinute: 60, burst: 5, timing: time.timing)
        let start = time.value
        for _ in 0..<5 { try await limiter.acquire(host: "h") }
        #expect(time.value == start, "a burst of 5 goes at once")
        for _ in 0..<10 { try await limiter.acquire(host: "h") }
        #expect(abs(time.value - start - 10) < 0.01, "then one a second")
    }

    @Test func slowsDownAsRemainingFalls() async throws {
        let time = VirtualTime()
        let limiter = RateLimiter(requestsPerMinute: 6000, burst: 100, timing: time.timing)
        // Plenty left: no pacing.
        await limiter.record(
            RateLimitHeaders(limit: 200, remaining: 150, reset: time.value + 60), status: 200, host: "h")
        let start = time.value
        for _ in 0..<10 { try await limiter.acquire(host: "h") }
        #expect(time.value - start < 0.5)
        // Five left for the next 10 s: the limiter spreads them about 2 s apart.
        await limiter.record(RateLimitHeaders(limit: 200, remaining: 5, reset: time.value + 10), status: 200, host: "h")
        let paced = time.value
        for _ in 0..<4 { try await limiter.acquire(host: "h") }
        #expect(time.value - paced >= 5.9, "spaced out instead of spent at once")
    }

    @Test func holdsTheHostAfterA429UntilResetPlusOneSecond() async throws {
        let time = VirtualTime()
        let limiter = RateLimiter(requestsPerMinute: 6000, burst: 100, timing: time.timing)
        let reset = time.value + 7
        await limiter.record(RateLimitHeaders(limit: 200, remaining: 0, reset: reset), status: 429, host: "h")
        #expect(await limiter.blocked(host: "h") == reset + 1)
        try await limiter.acquire(host: "other")
        #expect(time.value < reset, "other hosts are not held")
        try await limiter.acquire(host: "h")
        #expect(time.value >= reset + 1)
    }

    @Test func retryAfterWinsUnlessTheWindowIsExhausted() {
        #expect(RateLimitHeaders(remaining: 3, reset: 100, retryAfter: 2).earliestRetry(now: 50) == 52)
        #expect(RateLimitHeaders(remaining: 0, reset: 100, retryAfter: 2).earliestRetry(now: 50) == 100)
        #expect(RateLimitHeaders(reset: 100).earliestRetry(now: 50) == 100)
        #expect(RateLimitHeaders().earliestRetry(now: 50) == nil)
    }
}

/// The in-flight cap shared by every request of a client.
struct InFlightCapTests {
    @Test func neverMoreThanTheCapInFlight() async {
        let limiter = RateLimiter(requestsPerMinute: 6000, burst: 100, maxInFlight: 3)
        // An Atomic, not a Mutex: under contention Mutex waits in libswiftSynchronization's futex
        // path, which ThreadSanitizer does not see, so it reported a false race here
        // (docs/reliability.md, "Sanitizers").
        final class Peak: Sendable {
            let value = Atomic(0)
            func record(_ now: Int) {
                var seen = value.load(ordering: .relaxed)
                while seen < now {
                    let (exchanged, original) = value.compareExchange(
                        expected: seen, desired: now, ordering: .relaxed)
                    if exchanged { return }
                    seen = original
                }
            }
        }
        let peak = Peak()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await limiter.beginRequest()
                    let now = await limiter.requestsInFlight
                    peak.record(now)
                    try? await Task.sleep(for: .milliseconds(5))
                    await limiter.endRequest()
                }
            }
        }
        #expect(peak.value.load(ordering: .relaxed) == 3)
        #expect(await limiter.requestsInFlight == 0)
    }

    @Test(.timeLimit(.minutes(1))) func aClockThatAdvancesByExactlyTheSleepNeverLivelocks() async throws {
        // fuzz-ratelimit's F6 (Fuzz/FINDINGS.md): at an epoch-sized `now`, a sub-ulp wait for the
        // last fraction of a token left the clock where it was, forever.
        final class ExactTime: Sendable {
            let now = Mutex<Double>(1_710_000_000.123)
            let sleeps = Mutex(0)
            var timing: RateLimiter.Timing {
                RateLimiter.Timing(
                    now: { self.now.withLock { $0 } },
                    sleep: { s in
                        self.sleeps.withLock { $0 += 1 }
                        self.now.withLock { $0 += s }
                    })
            }
        }
        let time = ExactTime()
        let limiter = RateLimiter(requestsPerMinute: 180, burst: 10, timing: time.timing)
        for _ in 0..<40 { try await limiter.acquire(host: "h") }
        #expect(time.sleeps.withLock { $0 } < 200, "\(time.sleeps.withLock { $0 }) sleeps for 40 requests")
    }
}
