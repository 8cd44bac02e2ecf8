extension Theme {
    /// A semantic role such as `price.up` or `table.selected`.
    public struct Role: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        /// The dotted role name.
        public var rawValue: String

        /// Creates a role from its name.
        /// - Parameter rawValue: The dotted name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Creates a role from a string literal.
        /// - Parameter value: The dotted name.
        public init(stringLiteral value: String) { self.rawValue = value }

        /// The dotted name.
        public var description: String { rawValue }

        /// Orders roles by name.
        public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Ordinary text.
        public static let body: Role = "body"
        /// Secondary text (hints, units).
        public static let muted: Role = "muted"
        /// Borders of unfocused blocks.
        public static let border: Role = "border"
        /// Borders of the focused block.
        public static let borderFocused: Role = "border.focused"
        /// Block titles.
        public static let title: Role = "title"
        /// Table header row.
        public static let tableHeader: Role = "table.header"
        /// The selected table row.
        public static let tableSelected: Role = "table.selected"
        /// A price that went up.
        public static let priceUp: Role = "price.up"
        /// A price that went down.
        public static let priceDown: Role = "price.down"
        /// A price that did not change.
        public static let priceUnchanged: Role = "price.unchanged"
        /// A missing value (`—`, "no bid").
        public static let valueMissing: Role = "value.missing"
        /// A quality warning.
        public static let qualityWarn: Role = "quality.warn"
        /// A quality error or rejected value.
        public static let qualityError: Role = "quality.error"
        /// Good quality.
        public static let qualityGood: Role = "quality.good"
        /// A stale value.
        public static let cacheStale: Role = "cache.stale"
        /// The `SIMULATED` badge.
        public static let statusSimulated: Role = "status.simulated"
        /// The `LIVE` badge.
        public static let statusLive: Role = "status.live"
        /// The error indicator.
        public static let statusError: Role = "status.error"
        /// The status bar background.
        public static let statusBar: Role = "status.bar"
        /// The selected tab.
        public static let tabSelected: Role = "tab.selected"
        /// Unselected tabs.
        public static let tab: Role = "tab"
        /// Key names in the footer and help.
        public static let key: Role = "key"
        /// Sparkline glyphs.
        public static let sparkline: Role = "sparkline"
        /// In-the-money option cells.
        public static let chainInTheMoney: Role = "chain.itm"
        /// The at-the-money strike.
        public static let chainAtTheMoney: Role = "chain.atm"
        /// The strike column.
        public static let chainStrike: Role = "chain.strike"
        /// Help overlay background.
        public static let help: Role = "help"
        /// A price that has just changed (briefly, as a stream tick lands).
        public static let priceTicked: Role = "price.ticked"

        /// Every role the dashboard uses; each theme file must define or inherit them.
        public static let all: [Role] = [
            .body, .muted, .border, .borderFocused, .title, .tableHeader, .tableSelected, .priceUp, .priceDown,
            .priceUnchanged, .valueMissing, .qualityWarn, .qualityError, .qualityGood, .cacheStale,
            .statusSimulated, .statusLive, .statusError, .statusBar, .tabSelected, .tab, .key, .sparkline,
            .chainInTheMoney, .chainAtTheMoney, .chainStrike, .help, .priceTicked,
        ]
    }
}
