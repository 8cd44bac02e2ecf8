public import Foundation
public import MarketModel
public import Pipeline

/// The optional `$XDG_CONFIG_HOME/alpaca-dash/config.json`: watchlist, refresh intervals,
/// thresholds and theme.
///
/// It never holds credentials (those come only from the environment). Every value is checked
/// against a documented range when the file is parsed (``parse(_:path:)``): a value outside it is
/// an error naming the key, never a silent clamp and never a trap later on.
public struct ConfigFile: Codable, Equatable, Sendable {
    /// Refresh intervals in seconds.
    public struct Refresh: Codable, Equatable, Sendable {
        /// Watchlist snapshots.
        public var watchlist: Double?
        /// The market clock.
        public var clock: Double?
        /// The focused option chain.
        public var chain: Double?
        /// Sparkline bars.
        public var bars: Double?
        /// The account, positions and open orders.
        public var portfolio: Double?

        /// Creates a value.
        public init(watchlist: Double? = nil, clock: Double? = nil, chain: Double? = nil, bars: Double? = nil) {
            self.watchlist = watchlist
            self.clock = clock
            self.chain = chain
            self.bars = bars
        }
    }

    /// Pipeline thresholds.
    public struct Thresholds: Codable, Equatable, Sendable {
        /// V009's staleness limit in seconds.
        public var stalenessSeconds: Double?
        /// Q001's minimum score.
        public var minimumQualityScore: Int?
        /// B002's largest move from the previous close, as a fraction.
        public var maxMoveFromPreviousClose: Double?
        /// V008's tolerance for timestamps in the future, in seconds.
        public var clockSkewSeconds: Double?

        /// Creates a value.
        public init(
            stalenessSeconds: Double? = nil, minimumQualityScore: Int? = nil, maxMoveFromPreviousClose: Double? = nil,
            clockSkewSeconds: Double? = nil
        ) {
            self.stalenessSeconds = stalenessSeconds
            self.minimumQualityScore = minimumQualityScore
            self.maxMoveFromPreviousClose = maxMoveFromPreviousClose
            self.clockSkewSeconds = clockSkewSeconds
        }

        enum CodingKeys: String, CodingKey {
            case stalenessSeconds = "staleness_seconds"
            case minimumQualityScore = "minimum_quality_score"
            case maxMoveFromPreviousClose = "max_move_from_previous_close"
            case clockSkewSeconds = "clock_skew_seconds"
        }
    }

    /// The watchlist's symbols, in order.
    public var watchlist: [String]?
    /// Refresh intervals.
    public var refresh: Refresh?
    /// Pipeline thresholds.
    public var thresholds: Thresholds?
    /// The theme's name or path.
    public var theme: String?
    /// Alert rules (``AlertRule``'s grammar), one per string.
    public var alerts: [String]?
    /// Whether a firing alert rings the terminal bell.
    public var alertBell: Bool?

    enum CodingKeys: String, CodingKey {
        case watchlist, refresh, thresholds, theme, alerts
        case alertBell = "alert_bell"
    }

    /// Creates a value.
    public init(
        watchlist: [String]? = nil, refresh: Refresh? = nil, thresholds: Thresholds? = nil, theme: String? = nil,
        alerts: [String]? = nil, alertBell: Bool? = nil
    ) {
        self.watchlist = watchlist
        self.refresh = refresh
        self.thresholds = thresholds
        self.theme = theme
        self.alerts = alerts
        self.alertBell = alertBell
    }

    /// The most alert rules a file may hold.
    public static let maxAlertCount = 200

    /// The alert rules, parsed (the file was checked when it was read, so none fails here).
    public var alertRules: [AlertRule] { (alerts ?? []).compactMap { try? AlertRule($0) } }

    /// The watchlist used when neither the command line nor the file names one.
    public static let defaultWatchlist = [
        "AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "AMD",
    ]

    /// The accepted range of every refresh interval, in seconds (the same as `--refresh`).
    public static let refreshRange: ClosedRange<Double> = 0.2...3600
    /// The accepted range of `staleness_seconds`: one second to one week.
    public static let stalenessRange: ClosedRange<Double> = 1...604_800
    /// The accepted range of `clock_skew_seconds`.
    public static let clockSkewRange: ClosedRange<Double> = 0...3600
    /// The accepted range of `max_move_from_previous_close` (a fraction: 0.5 is ±50 %).
    public static let maxMoveRange: ClosedRange<Double> = 0.01...100
    /// The accepted range of `minimum_quality_score`.
    public static let qualityScoreRange: ClosedRange<Int> = 0...100
    /// The most watchlist symbols a file may name.
    public static let maxWatchlistCount = 5000
    /// The largest file read, in bytes.
    public static let maxFileSize = 1 << 20

    /// The file's location.
    public static func url(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        }
        return base.appendingPathComponent("alpaca-dash/config.json")
    }

    /// Reads the file; a missing file is an empty configuration.
    /// - Throws: `ConfigError` when the file exists but cannot be read, parsed or accepted.
    public static func load(environment: [String: String]) throws(ConfigError) -> ConfigFile {
        let url = url(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else { return ConfigFile() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError(path: url.path, message: "cannot be read")
        }
        return try parse(data, path: url.path)
    }

    /// Parses and checks a file's bytes.
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - path: The file's path, for error messages.
    /// - Throws: `ConfigError` naming the first problem.
    public static func parse(_ data: Data, path: String) throws(ConfigError) -> ConfigFile {
        guard data.count <= maxFileSize else {
            throw ConfigError(path: path, message: "is larger than \(maxFileSize) bytes")
        }
        let config: ConfigFile
        do {
            config = try JSONDecoder().decode(ConfigFile.self, from: data)
        } catch let error as DecodingError {
            throw ConfigError(path: path, message: Self.describe(error))
        } catch {
            throw ConfigError(path: path, message: "is not valid JSON")
        }
        try config.check(path: path)
        try config.checkAlerts(path: path, text: data)
        return config
    }

    /// Parses every alert rule; a bad one is an error naming its index and, when it can be found,
    /// its line in the file.
    private func checkAlerts(path: String, text: Data) throws(ConfigError) {
        guard let alerts else { return }
        guard alerts.count <= Self.maxAlertCount else {
            throw ConfigError(path: path, message: "alerts has \(alerts.count) rules, more than \(Self.maxAlertCount)")
        }
        for (index, rule) in alerts.enumerated() {
            do throws(AlertRuleError) {
                _ = try AlertRule(rule)
            } catch {
                let line = Self.line(of: rule, in: text).map { " (line \($0))" } ?? ""
                throw ConfigError(path: path, message: "alerts[\(index)]\(line): the rule \(error.message)")
            }
        }
    }

    /// The 1-based line on which `string` appears as a JSON string literal, if it does as written.
    static func line(of string: String, in text: Data) -> Int? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let encoded = try? encoder.encode(string) else { return nil }
        let bytes = [UInt8](text)
        let needle = [UInt8](encoded)
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var line = 1
        for start in 0...(bytes.count - needle.count) {
            if bytes[start] == UInt8(ascii: "\n") { line += 1 }
            if bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) { return line }
        }
        return nil
    }

    /// Writes the watchlist back, keeping the rest of the file; the file is created with mode 0600.
    public static func saveWatchlist(_ symbols: [String], environment: [String: String]) {
        let url = url(environment: environment)
        var config = (try? load(environment: environment)) ?? ConfigFile()
        config.watchlist = symbols
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(config) else { return }
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let temporary = url.appendingPathExtension("tmp")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        guard created else { return }
        _ = try? FileManager.default.replaceItemAt(url, withItemAt: temporary)
    }

    /// Pipeline thresholds with this file's overrides.
    public var pipelineConfiguration: PipelineConfiguration {
        var configuration = PipelineConfiguration()
        if let v = thresholds?.stalenessSeconds { configuration.stalenessLimit = v }
        if let v = thresholds?.minimumQualityScore { configuration.minimumQualityScore = v }
        if let v = thresholds?.maxMoveFromPreviousClose { configuration.maxMoveFromPreviousClose = v }
        if let v = thresholds?.clockSkewSeconds { configuration.clockSkewTolerance = v }
        return configuration
    }

    /// Refresh intervals with this file's overrides.
    public var intervals: RefreshIntervals {
        var intervals = RefreshIntervals()
        if let v = refresh?.watchlist { intervals.watchlist = v }
        if let v = refresh?.clock { intervals.clock = v }
        if let v = refresh?.chain { intervals.chain = v }
        if let v = refresh?.bars { intervals.bars = v }
        if let v = refresh?.portfolio { intervals.portfolio = v }
        return intervals
    }

    /// Checks every value against its range.
    private func check(path: String) throws(ConfigError) {
        func range(_ key: String, _ value: Double?, _ allowed: ClosedRange<Double>, _ unit: String) throws(ConfigError)
        {
            guard let value else { return }
            guard value.isFinite, allowed.contains(value) else {
                throw ConfigError(
                    path: path,
                    message: "\(key) is \(value), outside \(allowed.lowerBound)...\(allowed.upperBound)\(unit)")
            }
        }
        try range("refresh.watchlist", refresh?.watchlist, Self.refreshRange, " s")
        try range("refresh.clock", refresh?.clock, Self.refreshRange, " s")
        try range("refresh.chain", refresh?.chain, Self.refreshRange, " s")
        try range("refresh.bars", refresh?.bars, Self.refreshRange, " s")
        try range("refresh.portfolio", refresh?.portfolio, Self.refreshRange, " s")
        try range("thresholds.staleness_seconds", thresholds?.stalenessSeconds, Self.stalenessRange, " s")
        try range("thresholds.clock_skew_seconds", thresholds?.clockSkewSeconds, Self.clockSkewRange, " s")
        try range(
            "thresholds.max_move_from_previous_close", thresholds?.maxMoveFromPreviousClose, Self.maxMoveRange, "")
        if let score = thresholds?.minimumQualityScore, !Self.qualityScoreRange.contains(score) {
            throw ConfigError(path: path, message: "thresholds.minimum_quality_score is \(score), outside 0...100")
        }
        if let watchlist {
            guard watchlist.count <= Self.maxWatchlistCount else {
                throw ConfigError(
                    path: path, message: "watchlist has \(watchlist.count) symbols, more than \(Self.maxWatchlistCount)"
                )
            }
            for symbol in watchlist where symbol.utf8.count > 64 {
                throw ConfigError(path: path, message: "watchlist has a symbol longer than 64 bytes")
            }
        }
        if let theme, theme.utf8.count > 4096 {
            throw ConfigError(path: path, message: "theme is longer than 4096 bytes")
        }
    }

    /// A decoding error as a key path and a reason; the file's own text is never quoted.
    private static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [any CodingKey]) -> String {
            let text = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the top level" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(keyPath(context.codingPath)) is not \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "\(keyPath(context.codingPath)) is null where \(typeName(type)) is expected"
        case .keyNotFound(let key, let context):
            return "\(keyPath(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "is not valid JSON" : "\(keyPath(context.codingPath)) is not a usable value"
        @unknown default:
            return "cannot be decoded"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: return "a number"
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is [String].Type, is [Any].Type: return "an array"
        default: return "an object"
        }
    }
}
