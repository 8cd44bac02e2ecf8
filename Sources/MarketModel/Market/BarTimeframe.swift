/// A bar timeframe in Alpaca's syntax, within the ranges Alpaca accepts: `[1-59]Min`/`T`,
/// `[1-23]Hour`/`H`, `1Day`/`D`, `1Week`/`W`, `[1,2,3,4,6,12]Month`/`M` (case-sensitive).
public struct BarTimeframe: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a timeframe.
    public enum Unit: String, Sendable, Hashable {
        /// Minutes.
        case minute = "Min"
        /// Hours.
        case hour = "Hour"
        /// Days.
        case day = "Day"
        /// Weeks.
        case week = "Week"
        /// Months.
        case month = "Month"
    }

    /// How many units one bar spans.
    public var amount: Int
    /// The unit.
    public var unit: Unit

    /// Parses a timeframe; nil outside Alpaca's syntax or ranges.
    public init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), !digits.hasPrefix("0"), let amount = Int(digits) else { return nil }
        let unit: Unit
        switch text.dropFirst(digits.count) {
        case "Min", "T": unit = .minute
        case "Hour", "H": unit = .hour
        case "Day", "D": unit = .day
        case "Week", "W": unit = .week
        case "Month", "M": unit = .month
        default: return nil
        }
        let allowed: Bool
        switch unit {
        case .minute: allowed = (1...59).contains(amount)
        case .hour: allowed = (1...23).contains(amount)
        case .day, .week: allowed = amount == 1
        case .month: allowed = [1, 2, 3, 4, 6, 12].contains(amount)
        }
        guard allowed else { return nil }
        self.amount = amount
        self.unit = unit
    }

    /// The canonical form, for example `15Min`.
    public var description: String { "\(amount)\(unit.rawValue)" }
}
