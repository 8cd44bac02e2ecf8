/// A bar timeframe as the data API spells it (`1Min`, `5T`, `1Hour`, `2H`, `1Day`, `1D`).
struct Timeframe: Sendable, Hashable {
    /// The unit of a timeframe.
    enum Unit: Sendable, Hashable {
        /// Minutes (1–59).
        case minute
        /// Hours (1–23).
        case hour
        /// One trading day.
        case day
    }

    /// How many units one bar spans.
    let amount: Int
    /// The unit.
    let unit: Unit

    /// Parses a timeframe; nil for anything the simulator does not serve (weeks and months included).
    init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let amount = Int(digits) else { return nil }
        let suffix = text.dropFirst(digits.count)
        switch suffix {
        case "Min", "T":
            guard (1...59).contains(amount) else { return nil }
            unit = .minute
        case "Hour", "H":
            guard (1...23).contains(amount) else { return nil }
            unit = .hour
        case "Day", "D":
            guard amount == 1 else { return nil }
            unit = .day
        default:
            return nil
        }
        self.amount = amount
    }

    /// Bucket length in seconds for intraday timeframes.
    var seconds: Int {
        switch unit {
        case .minute: amount * 60
        case .hour: amount * 3600
        case .day: 86_400
        }
    }

    /// The canonical spelling, used in page tokens.
    var canonical: String {
        switch unit {
        case .minute: "\(amount)Min"
        case .hour: "\(amount)Hour"
        case .day: "1Day"
        }
    }
}
