import DashboardUI
import Dispatch
import Foundation
import MarketMetrics
import MarketModel
import TUICore
import TUINCurses

/// Runs the dashboard in the terminal until the user quits or a terminating signal arrives.
///
/// Merges keys (a read source on stdin), SIGWINCH, a 1 Hz tick and `updates` (newest wins) into
/// the events of a ``DashboardLoop`` over ncurses; `.command` effects go to `send`. The terminal is
/// restored on every exit path.
/// - Parameters:
///   - initialState: The starting state (its size is replaced by the terminal's).
///   - theme: The theme.
///   - updates: Snapshots from the pipeline.
///   - bell: Whether a firing alert rings the terminal bell.
///   - painted: Told, as each frame is sent, when the earliest stream message it shows arrived.
///   - send: Receives the commands the user's keys produce.
/// - Returns: The exit status: 0 after `q`, 128 + n after signal n.
/// - Throws: `TerminalUnavailable` before touching the terminal when there is no usable one; the
///   caller prints its `description` on one line and exits with status 2.
@MainActor
func runDashboard(
    initialState: AppState, theme: Theme, updates: AsyncStream<DashboardUpdate>, bell: Bool = false,
    painted: ((Timestamp) -> Void)? = nil, send: @escaping @Sendable (PipelineCommand) -> Void
) async throws(TerminalUnavailable) -> Int32 {
    let backend = try NCursesBackend(environment: ProcessInfo.processInfo.environment)
    defer { backend.shutdown() }
    let inbox = LoopInbox()

    let signals = TerminalSignals { inbox.post(.signal($0)) }
    defer { signals.cancel() }
    let keyboard = KeyboardSource { inbox.post(.input) }
    defer { keyboard.cancel() }
    // Queue .main makes the handler main-actor code (gotcha N7).
    let ticker = DispatchSource.makeTimerSource(queue: .main)
    ticker.schedule(deadline: .now() + 1, repeating: 1)
    ticker.setEventHandler { inbox.post(.tick) }
    ticker.resume()
    defer { ticker.cancel() }
    let feeder = Task { @MainActor in
        for await next in updates { inbox.post(.update(next)) }
    }
    defer { feeder.cancel() }

    // What the inbox holds, read from the terminal: keys decoded, resizes and suspensions applied.
    let read: ([LoopInbox.Event]) -> [LoopEvent] = { events in
        var read: [LoopEvent] = []
        for event in events {
            switch event {
            case .update(let next): read.append(.update(next))
            case .tick: read.append(.tick(Timestamp.now()))
            case .input:
                let keys = backend.readKeys()
                // Readable yet empty: a key still being decoded, or the terminal is gone for good.
                if keys.isEmpty && backend.isHungUp { read.append(.exit(128 + SIGHUP)) }
                keyboard.rearm()
                for key in keys {
                    read.append(key == .resize ? .resized(backend.handleResize()) : .keys([key]))
                }
            case .signal(.resize): read.append(.resized(backend.handleResize()))
            case .signal(.terminate(let signal)): read.append(.exit(128 + signal))
            case .signal(.suspend):
                backend.suspend()
                read.append(.resized(backend.size))
            case .signal(.resumed):
                backend.resume()
                read.append(.resized(backend.size))
            }
        }
        return read
    }
    var loop = DashboardLoop(
        terminal: Terminal(backend: backend), state: initialState, theme: theme, clock: ContinuousClock(),
        now: { Timestamp.now() }, bell: bell ? { backend.beep() } : nil, painted: painted,
        pending: { read(inbox.takeAll()) }, send: send)
    return await loop.run { read(await inbox.next()) }
}
