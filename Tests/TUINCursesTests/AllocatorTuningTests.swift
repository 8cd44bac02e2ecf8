import TUINCurses
import Testing

/// The allocator setting the dashboard applies at start (its effect is measured by
/// `scripts/measure-rss.sh`, docs/performance.md).
struct AllocatorTuningTests {
    @Test func glibcAcceptsBothSettings() {
        #expect(AllocatorTuning.apply())
    }
}
