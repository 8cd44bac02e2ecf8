import ArgumentParser
import Foundation

/// The entry point: runs the command and maps failures to the documented exit statuses
/// (2 for usage errors, instead of ArgumentParser's 64).
@main
enum Main {
    static func main() async {
        do {
            var command = try AlpacaDashCommand.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitStatus {
            Foundation.exit(exit.code)
        } catch {
            let code = AlpacaDashCommand.exitCode(for: error)
            let message = AlpacaDashCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message + "\n") }
                Foundation.exit(0)
            }
            if !message.isEmpty { Console.error(message + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Ends the program with a given status after output has been written.
struct ExitStatus: Error {
    /// The process exit status.
    var code: Int32
    /// Usage error.
    static let usage = ExitStatus(code: 2)
    /// Some symbols failed.
    static let partial = ExitStatus(code: 3)
    /// The upstream was unreachable or refused the credentials.
    static let upstream = ExitStatus(code: 4)
}
