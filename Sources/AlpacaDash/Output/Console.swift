import Foundation
import TUICore

/// The only way the program writes to standard output and standard error.
///
/// Every line passes the terminal sanitizer, so no upstream string, file name, argument or error
/// text reaches the terminal raw: an `ESC ] 0 ; … BEL` in an error message prints as inert
/// U+FFFD characters, never as a title change. JSON Lines are already escaped by `JSONLine`
/// (which also escapes BiDi and zero-width controls); sanitizing them changes nothing.
enum Console {
    /// Writes text to standard output; its line breaks are kept, everything unsafe is replaced.
    static func out(_ text: String) { write(text, to: .standardOutput) }

    /// Writes text to standard error, likewise.
    static func error(_ text: String) { write(text, to: .standardError) }

    /// The text as it is written: each line sanitized, the line breaks kept.
    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSanitizer.sanitize($0) }
            .joined(separator: "\n")
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(safe(text).utf8))
    }
}
