import TUITestSupport
import Testing

struct ManualClockTests {
    @Test func startsAtZeroAndMovesOnlyWhenAdvanced() {
        let clock = ManualClock()
        #expect(clock.now == .zero)
        clock.advance(by: .seconds(2))
        clock.advance(by: .milliseconds(500))
        #expect(clock.now == ManualClock.Instant(offset: .milliseconds(2_500)))
        clock.advance(to: ManualClock.Instant(offset: .seconds(1)))
        #expect(clock.now == ManualClock.Instant(offset: .milliseconds(2_500)), "advance(to:) never goes back")
    }

    @Test func instantArithmetic() {
        let start = ManualClock.Instant(offset: .seconds(10))
        let later = start.advanced(by: .seconds(5))
        #expect(start.duration(to: later) == .seconds(5))
        #expect(later.duration(to: start) == .seconds(-5))
        #expect(start < later)
    }

    @Test func sleeperWakesWhenTheDeadlineIsReachedAndNotBefore() async throws {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(until: .zero.advanced(by: .seconds(5)), tolerance: nil) }
        #expect(await eventually { clock.sleeperCount == 1 })
        clock.advance(by: .seconds(4))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(clock.sleeperCount == 0)
    }

    @Test func sleepingUntilAPastDeadlineReturnsAtOnce() async throws {
        let clock = ManualClock(start: ManualClock.Instant(offset: .seconds(10)))
        try await clock.sleep(until: .zero.advanced(by: .seconds(3)), tolerance: nil)
        try await clock.sleep(for: .zero)
    }

    @Test func cancellingASleeperThrowsAndForgetsIt() async {
        let clock = ManualClock()
        let sleeper = Task { try await clock.sleep(until: .zero.advanced(by: .seconds(60)), tolerance: nil) }
        #expect(await eventually { clock.sleeperCount == 1 })
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func alreadyCancelledTaskThrowsWithoutParking() async {
        let clock = ManualClock()
        let sleeper = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await clock.sleep(until: .zero.advanced(by: .seconds(1)), tolerance: nil)
        }
        await #expect(throws: CancellationError.self) { try await sleeper.value }
        #expect(clock.sleeperCount == 0)
    }

    @Test func oneAdvanceWakesEveryDueSleeperOnly() async throws {
        let clock = ManualClock()
        let early = Task { try await clock.sleep(until: .zero.advanced(by: .seconds(1)), tolerance: nil) }
        let middle = Task { try await clock.sleep(until: .zero.advanced(by: .seconds(2)), tolerance: nil) }
        let late = Task { try await clock.sleep(until: .zero.advanced(by: .seconds(3)), tolerance: nil) }
        #expect(await eventually { clock.sleeperCount == 3 })
        clock.advance(by: .seconds(2))
        try await early.value
        try await middle.value
        #expect(clock.sleeperCount == 1)
        late.cancel()
        await #expect(throws: CancellationError.self) { try await late.value }
    }
}
