import MarketModel
import TUICore

extension StatusLine {
    /// The stream's segment: `STREAM ●`, `POLL ○ reconnecting in 4s`, `POLL ○ 406 …` and so on.
    static func stream(_ stream: StreamStatus?, now: Timestamp) -> StatusBar.Segment {
        guard let stream else { return StatusBar.Segment("POLL ○", role: .muted, priority: 5) }
        switch stream.state {
        case .streaming:
            var text = "STREAM ●"
            if !stream.overflow.isEmpty {
                text += " \(stream.subscribed.count)/\(stream.subscribed.count + stream.overflow.count)"
                text += " (\(stream.overflow.count) polled)"
            }
            return StatusBar.Segment(text, role: .quality("good"), priority: 3)
        case .connecting:
            return StatusBar.Segment("STREAM ◌ connecting", role: .qualityWarn, priority: 3)
        case .reconnecting(let at):
            let wait = Format.age(max(0, at.seconds(since: now)))
            return StatusBar.Segment("POLL ○ reconnecting in \(wait)", role: .qualityWarn, priority: 1)
        case .polling(let reason, let retryAt):
            var text = "POLL ○ " + TerminalSanitizer.clamp(reason, toWidth: 30)
            if let retryAt { text += " · retry " + Format.age(max(0, retryAt.seconds(since: now))) }
            return StatusBar.Segment(text, role: .statusError, priority: 0)
        case .off(let reason):
            return StatusBar.Segment(
                "POLL ○ " + TerminalSanitizer.clamp(reason, toWidth: 20), role: .muted, priority: 3)
        }
    }
}
