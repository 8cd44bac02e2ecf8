public import Foundation

/// Reads the audit trail back: the rotated file (`audit.log.1`) first, then the current one.
public enum AuditReader {
    /// The most bytes read from one file; beyond it the rest is skipped and counted as unreadable
    /// (the log rotates at 10 MB, so only a foreign file gets there).
    public static let maximumFileBytes = 64 * 1024 * 1024

    /// What was read.
    public struct Contents: Sendable {
        /// The records, in file order (oldest file first).
        public var records: [AuditRecord] = []
        /// Lines that were not audit records (truncated, foreign, too long).
        public var unreadableLines = 0
        /// The files read, oldest first.
        public var files: [String] = []

        /// Nothing read yet.
        public init() {}
    }

    /// Reads `url.1` and `url`, whichever exist.
    /// - Parameter url: The audit file, usually `AuditLog.defaultURL(environment:)`.
    /// - Returns: Every record, and how many lines could not be read.
    public static func read(_ url: URL) -> Contents {
        var contents = Contents()
        for path in [url.path + ".1", url.path] {
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: maximumFileBytes)) ?? Data()
            contents.files.append(path)
            parse(Array(data), into: &contents)
            if data.count == maximumFileBytes, (try? handle.read(upToCount: 1))?.isEmpty == false {
                contents.unreadableLines += 1
            }
        }
        return contents
    }

    /// Splits `bytes` into lines and parses each (a partial last line is unreadable).
    public static func parse(_ bytes: [UInt8], into contents: inout Contents) {
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if let record = AuditRecord(line: line) {
                contents.records.append(record)
            } else {
                contents.unreadableLines += 1
            }
        }
    }
}
