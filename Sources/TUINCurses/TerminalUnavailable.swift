/// Why the dashboard cannot take over the terminal; the caller prints `description` and exits 2.
public enum TerminalUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// `TERM` is unset or `dumb`.
    case unsupportedTerm(String?)
    /// ncurses could not open the terminal (unknown `TERM`).
    case cannotOpen(String?)

    /// A one-line message for standard error.
    public var description: String {
        switch self {
        case .notATerminal:
            return "alpaca-dash: the dashboard needs an interactive terminal (stdin and stdout must be a TTY)"
        case .unsupportedTerm(let term):
            return "alpaca-dash: TERM=\(term ?? "(unset)") cannot show the dashboard; set TERM (e.g. xterm-256color)"
        case .cannotOpen(let term):
            return "alpaca-dash: cannot open terminal type '\(term ?? "(unset)")'"
        }
    }
}
