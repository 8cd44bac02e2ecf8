internal import CNCurses
import Dispatch

/// One owner for every terminal-related signal, delivered as events on the main queue.
///
/// SIGWINCH → `.resize`; SIGINT, SIGTERM, SIGHUP, SIGQUIT → `.terminate(signal)` (the loop
/// restores the terminal and exits with 128 + signal); SIGTSTP → `.suspend`; SIGCONT → `.resumed`.
/// Fatal signals are handled by `NCursesBackend` in C (async-signal-safe).
@MainActor
public final class TerminalSignals {
    /// A signal, as the loop sees it.
    public enum Event: Sendable, Equatable {
        /// The terminal was resized.
        case resize
        /// The process was asked to end by this signal.
        case terminate(Int32)
        /// The user pressed Ctrl-Z.
        case suspend
        /// The process was continued.
        case resumed
    }

    private var sources: [any DispatchSourceSignal] = []

    /// Starts delivering signals to `handler` on the main queue.
    /// - Parameter handler: Called on the main actor for each signal.
    public init(handler: @escaping @MainActor (Event) -> Void) {
        let table: [(Int32, Event)] = [
            (SIGWINCH, .resize), (SIGINT, .terminate(SIGINT)), (SIGTERM, .terminate(SIGTERM)),
            (SIGHUP, .terminate(SIGHUP)), (SIGQUIT, .terminate(SIGQUIT)), (SIGTSTP, .suspend), (SIGCONT, .resumed),
        ]
        for (signal, event) in table {
            cn_ignore_signal(signal)
            // Created with queue .main so the main-actor handler runs on the main thread (gotcha N7).
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .main)
            source.setEventHandler { handler(event) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops delivering signals and restores their default dispositions.
    public func cancel() {
        for source in sources { source.cancel() }
        sources = []
        for signal in [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { cn_default_signal(signal) }
    }
}
