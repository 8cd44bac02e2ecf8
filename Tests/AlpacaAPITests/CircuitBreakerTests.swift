import AlpacaAPI
import Testing

/// The breaker as a pure state machine, driven with explicit times.
struct CircuitBreakerTests {
    @Test func onlyNoResponseFiveHundredsAnd429CountAgainstTheHost() {
        for status in [nil, 500, 502, 503, 504, 429] { #expect(CircuitBreaker.isHostFailure(status: status)) }
        for status in [200, 204, 400, 401, 403, 404, 422] { #expect(!CircuitBreaker.isHostFailure(status: status)) }
    }

    @Test func opensAfterFiveFailuresInARowAndNotBefore() {
        var breaker = CircuitBreaker()
        for t in 0..<4 { breaker.record(failed: true, probe: false, now: Double(t)) }
        #expect(breaker.state == .closed)
        #expect(breaker.permit(now: 4) == .allowed)
        breaker.record(failed: true, probe: false, now: 4)
        #expect(breaker.state == .open(until: 19))
        #expect(breaker.permit(now: 18.9) == .refused(retryAt: 19))
    }

    @Test func aSuccessResetsTheRunOfFailures() {
        var breaker = CircuitBreaker()
        for t in 0..<8 { breaker.record(failed: t % 4 != 3, probe: false, now: Double(t)) }
        // Runs of three failures split by successes: 6 of 8 failed, but the window minimum is 10.
        #expect(breaker.state == .closed)
    }

    @Test func opensWhenHalfOfTheLastTwentyFailOnceTenAreIn() {
        var breaker = CircuitBreaker()
        // Alternating: never two failures in a row. After 9 calls (4 failures) the window is too
        // small; the 10th call (5 of 10 failed) opens it.
        for t in 0..<9 { breaker.record(failed: t % 2 == 1, probe: false, now: Double(t)) }
        #expect(breaker.state == .closed)
        breaker.record(failed: true, probe: false, now: 9)
        #expect(breaker.state == .open(until: 24))
    }

    @Test func aMostlyHealthyHostStaysClosed() {
        var breaker = CircuitBreaker()
        for t in 0..<200 { breaker.record(failed: t % 3 == 0, probe: false, now: Double(t)) }
        #expect(breaker.state == .closed)
    }

    @Test func oneProbeAfterTheIntervalThenCloseOnSuccess() {
        var breaker = CircuitBreaker()
        for t in 0..<5 { breaker.record(failed: true, probe: false, now: Double(t)) }
        #expect(breaker.permit(now: 19) == .probe)
        #expect(breaker.state == .halfOpen)
        #expect(breaker.permit(now: 19.1) == .refused(retryAt: nil), "only one probe at a time")
        breaker.record(failed: false, probe: true, now: 19.5)
        #expect(breaker.state == .closed)
        #expect(breaker.permit(now: 20) == .allowed)
    }

    @Test func failedProbesDoubleTheIntervalUpToTheCap() {
        var breaker = CircuitBreaker()
        for t in 0..<5 { breaker.record(failed: true, probe: false, now: Double(t)) }
        var now = 4.0
        var intervals: [Double] = []
        for _ in 0..<6 {
            guard case .open(let until) = breaker.state else { Issue.record("not open"); return }
            intervals.append(until - now)
            now = until
            #expect(breaker.permit(now: now) == .probe)
            breaker.record(failed: true, probe: true, now: now)
        }
        #expect(intervals == [15, 30, 60, 120, 120, 120])
        // A good probe closes it and the next opening starts from 15 s again.
        guard case .open(let until) = breaker.state else { Issue.record("not open"); return }
        #expect(breaker.permit(now: until) == .probe)
        breaker.record(failed: false, probe: true, now: until)
        for k in 0..<5 { breaker.record(failed: true, probe: false, now: until + Double(k)) }
        #expect(breaker.state == .open(until: until + 4 + 15))
    }

    @Test func lateOutcomesOfCallsMadeBeforeOpeningDoNotCount() {
        var breaker = CircuitBreaker()
        for t in 0..<5 { breaker.record(failed: true, probe: false, now: Double(t)) }
        breaker.record(failed: false, probe: false, now: 5)
        #expect(breaker.state == .open(until: 19), "a straggler's success does not close it")
    }

    @Test func anAbandonedProbeLetsTheNextCallProbe() {
        var breaker = CircuitBreaker()
        for t in 0..<5 { breaker.record(failed: true, probe: false, now: Double(t)) }
        #expect(breaker.permit(now: 20) == .probe)
        breaker.abandonProbe(now: 21)
        #expect(breaker.permit(now: 21) == .probe)
    }
}
