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
/// `Message`s for `update`; `.command` effects go to `send`. Frames are rendered at most 30 times a
/// second and only when the rendered buffer changed. The terminal is restored on every exit path.
/// - Parameters:
///   - initialState: The starting state (its size is replaced by the terminal's).
///   - theme: The theme.
///   - updates: Snapshots from the pipeline.
///   - bell: Whether a firing alert rings the terminal bell.
///   - send: Receives the commands the user's keys produce.
/// - Returns: The exit status: 0 after `q`, 128 + n after signal n.
/// - Throws: `TerminalUnavailable` before touching the terminal when there is no usable one; the
///   caller prints its `description` on one line and exits with status 2.
@MainActor
func runDashboard(
    initialState: AppState, theme: Theme, updates: AsyncStream<DashboardUpdate>, bell: Bool = false,
    send: @escaping @Sendable (PipelineCommand) -> Void
) async throws(TerminalUnavailable) -> Int32 {
    let terminal = try NCursesTerminal(environment: ProcessInfo.processInfo.environment)
    defer { terminal.shutdown() }
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

    var state = initialState
    state.size = terminal.size
    var onScreen: ScreenBuffer?
    // The frame before `onScreen`: once the terminal has moved on from it, it is ours alone and
    // the next frame is drawn into its storage instead of a new 576 KB allocation (200×60).
    var spare = ScreenBuffer(size: Size(width: 0, height: 0))
    var lastFrame = ContinuousClock.now
    let frameInterval = Duration.milliseconds(33)
    var pending = [LoopInbox.Event.tick]

    while true {
        var messages: [Message] = []
        var newest: DashboardUpdate?
        for event in pending {
            switch event {
            case .update(let next):
                newest = next
            case .tick:
                messages.append(.tick(now: Timestamp.now()))
            case .input:
                let keys = terminal.readKeys()
                // Readable yet empty: a key still being decoded, or the terminal is gone for good.
                if keys.isEmpty && terminal.isHungUp { return 128 + SIGHUP }
                keyboard.rearm()
                for key in keys {
                    messages.append(key == .resize ? .resize(terminal.handleResize()) : .key(key))
                }
            case .signal(.resize):
                messages.append(.resize(terminal.handleResize()))
            case .signal(.terminate(let signal)):
                return 128 + signal
            case .signal(.suspend):
                terminal.suspend()
                onScreen = nil
                messages.append(.resize(terminal.size))
            case .signal(.resumed):
                terminal.resume()
                onScreen = nil
                messages.append(.resize(terminal.size))
            }
        }
        if let newest {
            if bell && newest.market.alertsFired > (state.latest?.market.alertsFired ?? 0) { terminal.beep() }
            messages.insert(.update(newest), at: 0)
        }
        for message in messages {
            for effect in update(&state, message) {
                switch effect {
                case .command(let command): send(command)
                case .quit: return 0
                case .redraw:
                    terminal.invalidate()
                    onScreen = nil
                }
            }
        }

        var frame = spare
        spare = ScreenBuffer(size: Size(width: 0, height: 0))
        render(state, theme: theme, size: terminal.size, now: Timestamp.now(), into: &frame)
        if frame == onScreen {
            spare = frame
        } else {
            let wait = lastFrame + frameInterval - ContinuousClock.now
            if wait > .zero {
                // Coalesce: wait out the frame interval, then fold in whatever arrived meanwhile.
                try? await Task.sleep(for: wait)
                pending = inbox.takeAll()
                if !pending.isEmpty {
                    spare = frame
                    continue
                }
            }
            terminal.draw(frame)
            spare = onScreen ?? spare
            onScreen = frame
            lastFrame = ContinuousClock.now
        }
        pending = await inbox.next()
    }
}
