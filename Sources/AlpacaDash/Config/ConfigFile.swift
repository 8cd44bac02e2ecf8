import Foundation
import Pipeline

/// The optional `$XDG_CONFIG_HOME/alpaca-dash/config.json`: watchlist, refresh intervals,
/// thresholds and theme.
///
/// It never holds credentials (those come only from the environment).
struct ConfigFile: Codable, Equatable {
    struct Refresh: Codable, Equatable {
        var watchlist: Double?
        var clock: Double?
        var chain: Double?
        var bars: Double?
    }

    struct Thresholds: Codable, Equatable {
        var stalenessSeconds: Double?
        var minimumQualityScore: Int?
        var maxMoveFromPreviousClose: Double?
        var clockSkewSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case stalenessSeconds = "staleness_seconds"
            case minimumQualityScore = "minimum_quality_score"
            case maxMoveFromPreviousClose = "max_move_from_previous_close"
            case clockSkewSeconds = "clock_skew_seconds"
        }
    }

    var watchlist: [String]?
    var refresh: Refresh?
    var thresholds: Thresholds?
    var theme: String?

    static let defaultWatchlist = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY", "QQQ", "AMD"]

    /// The file's location.
    static func url(environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".config")
        }
        return base.appendingPathComponent("alpaca-dash/config.json")
    }

    /// Reads the file; a missing file is an empty configuration.
    /// - Throws: `ConfigError` when the file exists but cannot be read or parsed.
    static func load(environment: [String: String]) throws -> ConfigFile {
        let url = url(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else { return ConfigFile() }
        do {
            return try JSONDecoder().decode(ConfigFile.self, from: Data(contentsOf: url))
        } catch {
            throw ConfigError(message: "\(url.path): \(error.localizedDescription)")
        }
    }

    /// Writes the watchlist back, keeping the rest of the file; the file is created with mode 0600.
    static func saveWatchlist(_ symbols: [String], environment: [String: String]) {
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
    var pipelineConfiguration: PipelineConfiguration {
        var configuration = PipelineConfiguration()
        if let v = thresholds?.stalenessSeconds { configuration.stalenessLimit = v }
        if let v = thresholds?.minimumQualityScore { configuration.minimumQualityScore = v }
        if let v = thresholds?.maxMoveFromPreviousClose { configuration.maxMoveFromPreviousClose = v }
        if let v = thresholds?.clockSkewSeconds { configuration.clockSkewTolerance = v }
        return configuration
    }

    /// Refresh intervals with this file's overrides.
    var intervals: RefreshIntervals {
        var intervals = RefreshIntervals()
        if let v = refresh?.watchlist { intervals.watchlist = v }
        if let v = refresh?.clock { intervals.clock = v }
        if let v = refresh?.chain { intervals.chain = v }
        if let v = refresh?.bars { intervals.bars = v }
        return intervals
    }
}

/// A configuration file that exists but is unusable.
struct ConfigError: Error, CustomStringConvertible {
    var message: String
    var description: String { "invalid configuration: \(message)" }
}
