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
                // Forced open outside a real session: a virtual session ending on the next whole hour.
                close = Timestamp(seconds: (now.wholeSeconds / 3600 + 1) * 3600)
            }
            nextClose = close
            nextOpen = TradingCalendar.nextOpen(after: TradingCalendar.close(on: NewYorkTime(close).date))
        } else {
            let open = TradingCalendar.nextOpen(after: now)
            nextOpen = open
            nextClose = TradingCalendar.close(on: NewYorkTime(open).date)
        }
        priceTime = isMoving ? now : TradingCalendar.lastClose(atOrBefore: now)
    }
}
