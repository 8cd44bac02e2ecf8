public import Foundation
public import TUICore
public import Testing

/// Compares a screen with its recorded snapshot in `Tests/<Target>/__Snapshots__/`.
///
/// The file is `<name>.<cols>x<rows>.txt`, found next to the calling test file through `#filePath`.
/// With `SNAPSHOT_RECORD=1` in the environment the file is (re)written and the test FAILS, so
/// recording is never silent; a missing file is recorded and fails the same way.
/// - Parameters:
///   - buffer: The rendered screen.
///   - name: The snapshot's name.
///   - includeStyles: Whether to include the `--- styles` section.
///   - filePath: The calling test file (leave the default).
///   - sourceLocation: Where to report a failure (leave the default).
public func expectSnapshot(
    _ buffer: ScreenBuffer, named name: String, includeStyles: Bool = false, filePath: StaticString = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = snapshotDirectory(for: filePath)
    let url = directory.appendingPathComponent("\(name).\(buffer.size).txt")
    expectGoldenFile(buffer.snapshotText(includeStyles: includeStyles), at: url, sourceLocation: sourceLocation)
}

/// Compares text with a committed file; with `SNAPSHOT_RECORD=1` (or when missing) the file is
/// written and the test fails.
/// - Parameters:
///   - text: The expected content, freshly generated.
///   - url: The committed file.
///   - sourceLocation: Where to report a failure.
public func expectGoldenFile(_ text: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    let existing = try? String(contentsOf: url, encoding: .utf8)
    if record || existing == nil {
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded \(url.lastPathComponent); re-run without SNAPSHOT_RECORD=1 to check it.",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    if existing != text {
        Issue.record(
            """
            \(url.lastPathComponent) differs (re-record with SNAPSHOT_RECORD=1 if the change is intended).
            --- expected
            \(existing ?? "")
            --- actual
            \(text)
            """,
            sourceLocation: sourceLocation)
    }
}

/// The `__Snapshots__` folder of the test target that contains `filePath`.
/// - Parameter filePath: A test source file.
/// - Returns: `Tests/<Target>/__Snapshots__`.
public func snapshotDirectory(for filePath: StaticString) -> URL {
    var directory = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent()
    while directory.deletingLastPathComponent().lastPathComponent != "Tests" && directory.path != "/" {
        directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("__Snapshots__")
}

/// The package's root folder, found from a test file's `#filePath` (the parent of `Tests/`).
/// - Parameter filePath: A test source file.
/// - Returns: The package root.
public func packageRoot(for filePath: StaticString) -> URL {
    snapshotDirectory(for: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}
