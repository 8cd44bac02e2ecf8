public import MarketMetrics
public import MarketModel
public import TUICore

/// The dashboard's run loop over any terminal backend: events → `update` → `render` → the
/// backend, through ``Terminal`` (so only changed cells are sent).
///
/// Frames are drawn at most twice per two ``frameInterval``s on the injected clock (30 a second
/// on average, two back to back: a tick arriving just after the clock's repaint is not held back
/// by it), and only when the rendered buffer changed; events that arrive while a frame waits are
/// folded into it. The program runs it over ncurses; tests run it over `TestBackend` on a manual clock.
@MainActor
public struct DashboardLoop<Backend: TerminalBackend, C: Clock> where C.Duration == Duration {
    /// The terminal drawn to (its backend is the screen).
    public var terminal: Terminal<Backend>
    /// The reducer's state.
    public private(set) var state: AppState
    /// The average least time between two frames (two may go out back to back).
    public let frameInterval: Duration

    private let theme: Theme
    private let clock: C
    private let now: () -> Timestamp
    private let bell: (() -> Void)?
    private let painted: ((Timestamp) -> Void)?
    /// The earliest arrival of a stream message applied since the last frame was sent.
    private var unpainted: Timestamp?
    private let send: (PipelineCommand) -> Void
    private let pending: () -> [LoopEvent]
    /// When the last two frames were sent (the older first).
    private var lastFrames: (older: C.Instant?, newer: C.Instant?) = (nil, nil)
    // The frame before the one on screen: once the terminal has moved on from it, it is ours alone
    // and the next frame is drawn into its storage instead of a new 576 KB allocation (200×60).
    private var spare = ScreenBuffer(size: Size(width: 0, height: 0))

    /// Creates a loop.
    /// - Parameters:
    ///   - terminal: The terminal to draw to.
    ///   - state: The starting state (its size is replaced by the backend's).
    ///   - theme: The theme.
    ///   - clock: The clock frames are spaced on.
    ///   - frameInterval: The average least time between two frames (33 ms: 30 frames a second).
    ///   - now: The wall clock timestamps on screen are aged against.
    ///   - bell: Rings the terminal bell when an alert fires; nil for no bell.
    ///   - painted: Told, once a frame is sent, when the earliest stream message it shows arrived
    ///     (the tick → painted figure).
    ///   - pending: The events that arrived since the last look, without waiting.
    ///   - send: Receives the commands the user's keys produce.
    public init(
        terminal: Terminal<Backend>, state: AppState, theme: Theme, clock: C,
        frameInterval: Duration = .milliseconds(33), now: @escaping () -> Timestamp, bell: (() -> Void)? = nil,
        painted: ((Timestamp) -> Void)? = nil, pending: @escaping () -> [LoopEvent],
        send: @escaping (PipelineCommand) -> Void
    ) {
        self.terminal = terminal
        self.state = state
        self.state.size = terminal.backend.size
        self.theme = theme
        self.clock = clock
        self.frameInterval = frameInterval
        self.now = now
        self.bell = bell
        self.painted = painted
        self.pending = pending
        self.send = send
    }

    /// Runs until `q` or an exit event.
    /// - Parameter next: Waits for the next events.
    /// - Returns: The exit status: 0 after `q`, otherwise the exit event's.
    public mutating func run(next: () async -> [LoopEvent]) async -> Int32 {
        var events: [LoopEvent] = []
        while true {
            if let status = await handle(events) { return status }
            events = await next()
        }
    }

    /// Applies events, then draws the frame if it changed (waiting out the frame interval first,
    /// and folding in whatever arrived meanwhile).
    /// - Parameter events: The events, oldest first.
    /// - Returns: The exit status when the loop must end, otherwise nil.
    public mutating func handle(_ events: [LoopEvent]) async -> Int32? {
        var events = events
        while true {
            if let status = apply(events) { return status }
            var frame = spare
            spare = ScreenBuffer(size: Size(width: 0, height: 0))
            render(state, theme: theme, size: terminal.backend.size, now: now(), into: &frame)
            if frame == terminal.current {
                spare = frame
                unpainted = nil  // the ticks changed nothing on screen
                return nil
            }
            if let older = lastFrames.older {
                let wait = clock.now.duration(to: older.advanced(by: frameInterval * 2))
                if wait > .zero {
                    try? await clock.sleep(for: wait)
                    events = pending()
                    if !events.isEmpty {
                        spare = frame
                        continue
                    }
                }
            }
            let previous = terminal.current
            terminal.draw(frame)
            spare = previous ?? spare
            lastFrames = (lastFrames.newer, clock.now)
            if let unpainted { painted?(unpainted) }
            unpainted = nil
            return nil
        }
    }

    /// Feeds events to the reducer and carries out its effects; the newest update goes first.
    private mutating func apply(_ events: [LoopEvent]) -> Int32? {
        var messages: [Message] = []
        var newest: DashboardUpdate?
        for event in events {
            switch event {
            case .update(let next):
                newest = next
                if let arrival = next.market.streamArrival { unpainted = min(unpainted ?? arrival, arrival) }
            case .tick(let now): messages.append(.tick(now: now))
            case .keys(let keys): messages += keys.map { .key($0) }
            case .resized(let size):
                terminal.invalidate()
                messages.append(.resize(size))
            case .exit(let status): return status
            }
        }
        if let newest {
            if newest.market.alertsFired > (state.latest?.market.alertsFired ?? 0) { bell?() }
            messages.insert(.update(newest), at: 0)
        }
        for message in messages {
            for effect in update(&state, message) {
                switch effect {
                case .command(let command): send(command)
                case .quit: return 0
                case .redraw: terminal.invalidate()
                }
            }
        }
        return nil
    }
}
