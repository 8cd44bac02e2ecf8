import MarketModel

/// What the clock endpoint reports and how prices behave at one instant under one market mode.
struct ClockState: Sendable, Equatable {
    /// The simulator's current time.
    let now: Timestamp
    /// Whether the regular session is open.
    let isOpen: Bool
    /// The next session open.
    let nextOpen: Timestamp
    /// The next session close.
    let nextClose: Timestamp
    /// The instant whose prices are served: `now` while prices move, else the last close.
    let priceTime: Timestamp
    /// Whether prices are moving (open, pre- or post-market).
    let isMoving: Bool
    /// The start of the virtual session, when the market is forced open outside a real one.
    ///
    /// That is `--market open` at night or at a weekend, the demo's default. The virtual session
    /// is the whole New York day, from its midnight; its daily bar runs from there to now.
    let virtualSessionOpen: Timestamp?

    /// Computes the clock at `now` under `mode`.
    init(now: Timestamp, mode: MarketMode) {
        self.now = now
        let ny = NewYorkTime(now)
        switch mode {
        case .auto:
            isOpen = TradingCalendar.isRegularSession(now)
            isMoving = isOpen
        case .open:
            isOpen = true
            isMoving = true
        case .pre, .post:
            isOpen = false
            isMoving = true
        case .closed:
            isOpen = false
            isMoving = false
        }
        if isOpen {
            let todayClose = TradingCalendar.close(on: ny.date)
            let close: Timestamp
            if TradingCalendar.isTradingDay(ny.date) && now < todayClose {
                close = todayClose
            } else {
                // Forced open outside a real session: a virtual session ending at New York midnight.
                close = NewYorkTime.instant(date: ny.date.adding(days: 1), secondOfDay: 0)
            }
            nextClose = close
            nextOpen = TradingCalendar.nextOpen(after: TradingCalendar.close(on: NewYorkTime(close).date))
        } else {
            let open = TradingCalendar.nextOpen(after: now)
            nextOpen = open
            nextClose = TradingCalendar.close(on: NewYorkTime(open).date)
        }
        priceTime = isMoving ? now : TradingCalendar.lastClose(atOrBefore: now)
        virtualSessionOpen =
            isOpen && !TradingCalendar.isRegularSession(now) ? NewYorkTime.instant(date: ny.date, secondOfDay: 0) : nil
    }
}
