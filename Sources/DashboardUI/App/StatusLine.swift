import MarketMetrics
import MarketModel
import TUICore

/// The status bar's content: source, feed, market clock, refresh age, error indicator.
enum StatusLine {
    /// Builds the status bar for a state.
    static func bar(_ state: AppState, now: Timestamp) -> StatusBar {
        let clock = StatusBar.Segment(Format.clock(now) + " ET", priority: 3)
        guard let market = state.latest?.market else {
            let waiting = StatusBar.Segment(" waiting for data ", role: .qualityWarn)
            return StatusBar(left: state.origin.map { [badge($0), waiting] } ?? [waiting], right: [clock])
        }
        var left = [badge(market.origin)]
        if state.latest?.metrics.connection == .offline {
            left.append(StatusBar.Segment(" OFFLINE ", role: .statusError))
        }
        if market.activeAlertCount > 0 {
            let count = market.activeAlertCount
            left.append(StatusBar.Segment(" ⚑ \(count) ALERT\(count == 1 ? "" : "S") ", role: .statusError))
        }
        left += details(state, market, now: now)
        return StatusBar(left: left, right: [clock])
    }

    /// The source badge: `SIMULATED`, `LIVE paper` or `LIVE`.
    static func badge(_ origin: DataOrigin) -> StatusBar.Segment {
        switch origin {
        case .simulated: return StatusBar.Segment(" SIMULATED ", role: .statusSimulated)
        case .livePaper: return StatusBar.Segment(" LIVE paper ", role: .statusLive)
        case .live: return StatusBar.Segment(" LIVE ", role: .statusLive)
        }
    }

    /// Feed, market clock, refresh age, pause state and the error indicator.
    static func details(_ state: AppState, _ market: DashboardSnapshot, now: Timestamp) -> [StatusBar.Segment] {
        var left: [StatusBar.Segment] = []
        left.append(StatusBar.Segment(market.stockFeed + "/" + market.optionsFeed, priority: 5))
        left.append(stream(market.stream, now: now))
        if let marketClock = market.clock {
            if marketClock.isOpen {
                let closesIn = Format.age(marketClock.nextClose.seconds(since: now))
                left.append(StatusBar.Segment("● OPEN closes in \(closesIn)", role: .quality("good"), priority: 2))
            } else {
                let wait = Format.age(marketClock.nextOpen.seconds(since: now))
                left.append(StatusBar.Segment("○ CLOSED opens in \(wait)", priority: 2))
            }
        } else {
            left.append(StatusBar.Segment("market clock —", role: .valueMissing, priority: 2))
        }
        if let refreshed = market.lastSuccessfulRefresh {
            left.append(StatusBar.Segment("updated \(Format.age(now.seconds(since: refreshed))) ago", priority: 1))
        } else {
            left.append(StatusBar.Segment("never updated", role: .qualityWarn, priority: 1))
        }
        if state.paused {
            left.append(StatusBar.Segment("⏸ PAUSED", role: .qualityWarn))
        } else {
            left.append(StatusBar.Segment("every \(Format.age(state.refreshInterval))", priority: 4))
        }
        if let error = market.lastError {
            let status = error.httpStatus.map { " \($0)" } ?? ""
            let text = "✗ \(error.code.rawValue)\(status) " + TerminalSanitizer.clamp(error.message, toWidth: 30)
            left.append(StatusBar.Segment(text, role: .statusError))
        } else {
            left.append(StatusBar.Segment("✓ ok", role: .quality("good"), priority: 4))
        }
        return left
    }
}

extension Theme.Role {
    /// A quality role by level (`good`, `warn`, `error`).
    static func quality(_ level: String) -> Theme.Role { Theme.Role(rawValue: "quality." + level) }
}
