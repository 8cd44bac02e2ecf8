import Foundation
import MarketModel
import Pipeline
import Synchronization

/// Runs `--on-alert CMD` once per alert event: `/bin/sh -c CMD` with the event's JSON line on
/// standard input.
///
/// - The command's environment is this process's without credentials: every `APCA_*` variable
///   and every variable whose name contains `SECRET`, `TOKEN` or `PASSWORD` is removed.
/// - Its standard output and error go to /dev/null (the dashboard owns the terminal).
/// - At most ``maximumRunning`` run at once; an event arriving beyond that is dropped and counted,
///   and a command still running after ``timeout`` seconds is terminated.
final class AlertCommandRunner: Sendable {
    /// The most commands running at once.
    static let maximumRunning = 4
    /// The longest a command may run.
    static let timeout = 10.0

    let command: String
    private let environment: [String: String]
    private let running = Atomic<Int>(0)
    private let dropped = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)

    /// Creates a runner.
    /// - Parameters:
    ///   - command: The shell command.
    ///   - environment: This process's environment, which is filtered.
    init(command: String, environment: [String: String]) {
        self.command = command
        self.environment = Self.withoutCredentials(environment)
    }

    /// The environment a command gets.
    static func withoutCredentials(_ environment: [String: String]) -> [String: String] {
        environment.filter { name, _ in
            let upper = name.uppercased()
            return !upper.hasPrefix("APCA_") && !["SECRET", "TOKEN", "PASSWORD"].contains { upper.contains($0) }
        }
    }

    /// Events dropped because too many commands were running.
    var droppedCount: Int { dropped.load(ordering: .relaxed) }
    /// Commands that have exited (or were terminated).
    var finishedCount: Int { finished.load(ordering: .relaxed) }

    /// Starts the command for each event, without waiting.
    func run(_ events: [AlertEvent]) {
        for event in events { start(event.jsonLine) }
    }

    private func start(_ json: String) {
        guard running.add(1, ordering: .relaxed).newValue <= Self.maximumRunning else {
            running.subtract(1, ordering: .relaxed)
            dropped.add(1, ordering: .relaxed)
            return
        }
        // Standard input is a file, not a pipe: a command that exits without reading it cannot
        // raise SIGPIPE here. The file is private and unlinked once the command has it open.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "alpaca-dash-alert-\(UUID().uuidString)"
        )
        .path
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600]),
            let input = FileHandle(forReadingAtPath: path)
        else {
            running.subtract(1, ordering: .relaxed)
            dropped.add(1, ordering: .relaxed)
            return
        }
        defer {
            try? input.close()
            try? FileManager.default.removeItem(atPath: path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { [self] _ in
            running.subtract(1, ordering: .relaxed)
            finished.add(1, ordering: .relaxed)
        }
        do {
            try process.run()
        } catch {
            running.subtract(1, ordering: .relaxed)
            dropped.add(1, ordering: .relaxed)
            return
        }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + Self.timeout) {
            if process.isRunning { process.terminate() }
        }
    }
}
