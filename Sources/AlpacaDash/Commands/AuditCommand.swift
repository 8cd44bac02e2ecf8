import ArgumentParser
import Foundation
import MarketModel
import Pipeline

/// `alpaca-dash audit`: the audit trail as a query, for an incident review without jq.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Summarise or list the audit trail: requests by endpoint, rejections by rule and symbol.",
        discussion: """
            Reads $XDG_STATE_HOME/alpaca-dash/audit.log and its rotated audit.log.1. \
            Filters combine: --rule and --symbol select rejections, --endpoint selects requests.
            """)

    @Option(help: "Only records since this long ago (30s, 15m, 1h, 2d) or since an RFC 3339 time.")
    var since: String?

    @Option(help: "Only rejections by this rule, for example V009.")
    var rule: String?

    @Option(help: "Only rejections of this symbol.")
    var symbol: String?

    @Option(help: "Only requests whose endpoint contains this text, for example /v2/stocks/snapshots.")
    var endpoint: String?

    @Flag(help: "List the matching records instead of summarising them.")
    var list = false

    @Flag(help: "Print JSON: one summary object, or with --list one object per record.")
    var json = false

    @Option(help: "Read this audit file instead of the default one.")
    var file: String?

    func validate() throws {
        if let since, Self.start(since, now: .now()) == nil {
            throw ValidationError("--since must be a duration such as 15m or 1h, or an RFC 3339 time")
        }
    }

    /// The instant `--since` means.
    static func start(_ text: String, now: Timestamp) -> Timestamp? {
        if let time = Timestamp(rfc3339: text) { return time }
        return DurationText.seconds(text, in: 0...(366 * 86_400)).map { now.adding(seconds: -$0) }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let url = file.map { URL(fileURLWithPath: $0) } ?? AuditLog.defaultURL(environment: environment)
        let contents = AuditReader.read(url)
        guard !contents.files.isEmpty else {
            Console.error("alpaca-dash: no audit trail at \(url.path)\n")
            throw ExitStatus(code: 66)
        }
        let query = AuditQuery(
            since: since.flatMap { Self.start($0, now: .now()) }, rule: rule.map { RuleID(rawValue: $0) },
            symbol: symbol, endpoint: endpoint)
        if list {
            var out = ""
            for record in contents.records where query.matches(record) {
                out += json ? AuditFormatter.jsonLine(record) : AuditFormatter.textLine(record)
            }
            Console.out(out)
        } else {
            let summary = AuditSummary(contents.records, query: query)
            Console.out(
                json
                    ? AuditFormatter.json(summary, contents: contents)
                    : AuditFormatter.text(summary, contents: contents))
        }
    }
}
