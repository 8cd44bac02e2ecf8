import Foundation
import Testing

/// The official alpaca-py SDK's `StockDataStream` (its default MessagePack framing) against the
/// simulator's stream, through `scripts/alpaca-py-stream.sh`, when Python is available.
@Suite struct AlpacaPyStreamTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var pythonAvailable: Bool {
        ["/usr/bin/python3", "/usr/local/bin/python3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
            || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/python3")
            }
    }

    @Test(.enabled(if: pythonAvailable, "needs python3"), .timeLimit(.minutes(5)))
    func theOfficialSDKReceivesQuotesAndTrades() async throws {
        let (status, output) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: "/bin/bash")
                        process.arguments = [
                            Self.root.appendingPathComponent("scripts/alpaca-py-stream.sh").path,
                            BinaryRunner.executable.path,
                        ]
                        process.currentDirectoryURL = Self.root
                        let out = Pipe()
                        process.standardOutput = out
                        process.standardError = out
                        process.standardInput = FileHandle.nullDevice
                        try process.run()
                        let data = out.fileHandleForReading.readDataToEndOfFile()
                        process.waitUntilExit()
                        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
                    })
            }
        }
        if status == 77 {
            // PyPI unreachable: alpaca-py could not be installed, so there is nothing to run.
            Issue.record("alpaca-py could not be installed: \(output)")
            return
        }
        #expect(status == 0, "\(output)")
        #expect(output.contains(#""ok": true"#), "\(output)")
    }
}
