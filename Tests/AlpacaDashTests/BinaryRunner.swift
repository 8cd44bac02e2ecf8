import Foundation

/// Runs the built `alpaca-dash` executable (next to the test bundle) and captures its output.
struct BinaryRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = directory.appendingPathComponent("alpaca-dash")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // swift test may run the bundle from elsewhere: fall back to the package's build folder.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/alpaca-dash")
    }

    /// Runs the program with a clean environment plus `environment`, and no standard input.
    ///
    /// The blocking wait happens on a dispatch queue, never on the cooperative pool, which the
    /// in-process simulator needs to answer the program's requests.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try runBlocking(arguments, environment: environment) })
            }
        }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let home = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alpaca-dash-test-\(UUID().uuidString)")
        var env = [
            "PATH": "/usr/bin:/bin", "HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let errorFile = home.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try? err.close()
        let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
        try? FileManager.default.removeItem(at: home)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
