import ArgumentParser
import FaultInjection

extension FaultSpec {
    /// A `--faults` value parsed, nil when absent; a clear usage error when it does not parse.
    static func option(_ text: String?) throws -> FaultSpec? {
        guard let text else { return nil }
        do {
            return try parse(text)
        } catch {
            throw ValidationError("--faults: \(error.description)")
        }
    }
}
