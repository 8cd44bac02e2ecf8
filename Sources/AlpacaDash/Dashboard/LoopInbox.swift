import DashboardUI
import MarketMetrics
import TUINCurses

/// The dashboard loop's mailbox: event sources post here on the main actor, the loop drains it.
@MainActor
final class LoopInbox {
    /// Something that woke the loop.
    enum Event {
        /// Standard input is readable.
        case input
        /// A terminal signal arrived.
        case signal(TerminalSignals.Event)
        /// The 1 Hz tick.
        case tick
        /// The pipeline published data.
        case update(DashboardUpdate)
    }

    private var events: [Event] = []
    private var waiter: CheckedContinuation<Void, Never>?

    /// Queues an event and wakes the loop.
    func post(_ event: Event) {
        events.append(event)
        if let waiter {
            self.waiter = nil
            waiter.resume()
        }
    }

    /// Waits until at least one event is queued, then returns and clears them all.
    func next() async -> [Event] {
        if events.isEmpty {
            await withCheckedContinuation { continuation in waiter = continuation }
        }
        return takeAll()
    }

    /// Returns and clears the queued events without waiting.
    func takeAll() -> [Event] {
        defer { events = [] }
        return events
    }
}
