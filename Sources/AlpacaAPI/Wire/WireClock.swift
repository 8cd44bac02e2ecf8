public import MarketModel

/// `GET /v2/clock`.
public struct WireClock: Sendable, Equatable {
    /// The server's time.
    public var timestamp: Timestamp
    /// Whether the regular session is open.
    public var isOpen: Bool
    /// The next open.
    public var nextOpen: Timestamp
    /// The next close.
    public var nextClose: Timestamp

    /// Reads the clock object; all four fields are required.
    /// - Throws: `DecodeError` when a field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        timestamp = try json.required("timestamp") { v throws(DecodeError) in try v.timestamp() }
        isOpen = try json.required("is_open") { v throws(DecodeError) in try v.bool() }
        nextOpen = try json.required("next_open") { v throws(DecodeError) in try v.timestamp() }
        nextClose = try json.required("next_close") { v throws(DecodeError) in try v.timestamp() }
    }

    /// The domain value.
    public var marketClock: MarketClock {
        MarketClock(timestamp: timestamp, isOpen: isOpen, nextOpen: nextOpen, nextClose: nextClose)
    }
}

/// One day of `GET /v2/calendar`; times are New-York local strings.
public struct WireCalendarDay: Sendable, Equatable {
    /// The trading date.
    public var date: CalendarDate
    /// Open, `HH:MM`.
    public var open: String
    /// Close, `HH:MM` (early closes show for example `13:00`).
    public var close: String
    /// Extended session open, `HHMM`, when sent.
    public var sessionOpen: String?
    /// Extended session close, `HHMM`, when sent.
    public var sessionClose: String?

    /// Reads a calendar day.
    /// - Throws: `DecodeError` when a required field is missing or malformed.
    public init(json: JSONValue) throws(DecodeError) {
        date = try json.required("date") { v throws(DecodeError) in
            guard let d = CalendarDate(iso: try v.string()) else { throw DecodeError("expected YYYY-MM-DD") }
            return d
        }
        open = try json.required("open") { v throws(DecodeError) in try v.string() }
        close = try json.required("close") { v throws(DecodeError) in try v.string() }
        sessionOpen = try json.optional("session_open") { v throws(DecodeError) in try v.string() }
        sessionClose = try json.optional("session_close") { v throws(DecodeError) in try v.string() }
    }
}
