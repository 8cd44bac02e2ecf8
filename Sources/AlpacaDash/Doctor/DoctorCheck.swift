import Foundation
import Pipeline

/// One `doctor` finding: what was checked, how it went, what was seen and how to fix it.
struct DoctorCheck: Sendable, Equatable {
    /// How a check went, from best to worst.
    enum Status: String, Sendable, Comparable {
        /// Nothing to do.
        case ok
        /// Not checked in this setup (says why).
        case skip
        /// Works, but not as well as it could.
        case warn
        /// Broken: the dashboard will not work as expected until it is fixed.
        case fail

        private var rank: Int {
            switch self {
            case .ok: 0
            case .skip: 1
            case .warn: 2
            case .fail: 3
            }
        }

        static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
    }

    /// The check's short name, for example `stock feed`.
    var name: String
    /// The outcome.
    var status: Status
    /// What was seen, on one line.
    var detail: String
    /// The fix, on one line; nil when there is nothing to do.
    var fix: String?

    /// The exit status for a set of checks: 0 all OK, 1 a WARN, 4 a FAIL.
    static func exitStatus(_ checks: [DoctorCheck]) -> Int32 {
        switch checks.map(\.status).max() ?? .ok {
        case .ok, .skip: 0
        case .warn: 1
        case .fail: 4
        }
    }

    /// `OK   name  detail` plus an indented fix line.
    var text: String {
        let label = status.rawValue.uppercased().padding(toLength: 5, withPad: " ", startingAt: 0)
        let padded = name.padding(toLength: 14, withPad: " ", startingAt: 0)
        var line = "\(label)\(padded)\(detail.replacingOccurrences(of: "\n", with: " "))\n"
        if let fix { line += "     \("".padding(toLength: 14, withPad: " ", startingAt: 0))fix: \(fix)\n" }
        return line
    }

    /// One JSON line: `name`, `status`, `detail`, `fix` (null when none).
    var jsonLine: String {
        var line = JSONLine()
        line.add("check", name)
        line.add("status", status.rawValue)
        line.add("detail", detail)
        line.add("fix", fix)
        return line.finished()
    }
}
