#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TerminalUnavailable {
    /// Why there is no usable terminal, or nil when stdin and stdout are terminals and `TERM` is set
    /// and not `dumb`.
    ///
    /// Touches nothing, so callers can refuse before starting any work.
    /// - Parameter environment: The process environment.
    public static func check(environment: [String: String]) -> TerminalUnavailable? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return .notATerminal }
        let term = environment["TERM"]
        guard let term, !term.isEmpty, term != "dumb" else { return .unsupportedTerm(term) }
        return nil
    }
}
