import AlpacaAPI
import Foundation

/// Loads the official example bodies from `../shared/alpaca-examples` beside the repository.
enum Fixtures {
    /// `shared/alpaca-examples` in the repository's parent folder (CI puts `shared` beside the clone).
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/alpaca-examples")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func json(_ name: String) throws -> JSONValue { try JSONDocument(bytes: bytes(name)).root }

    static func allFiles() throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory.path)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".json") { names.append(name) }
        }
        return names.sorted()
    }
}
