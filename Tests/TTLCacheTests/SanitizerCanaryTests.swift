import Foundation
import Testing

/// A deliberate data race, run only when `ALPACA_TSAN_CANARY=1` (scripts/sanitize.sh): under
/// ThreadSanitizer it must be reported, which proves the sanitizer is live and the clean runs of
/// the concurrency suites mean something.
struct SanitizerCanaryTests {
    final class Unguarded: @unchecked Sendable {
        var value = 0
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["ALPACA_TSAN_CANARY"] == "1"))
    func anUnguardedCounterRacesOnPurpose() async {
        let shared = Unguarded()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<100_000 { shared.value += 1 } }
            }
        }
        #expect(shared.value > 0)
    }
}
