import MarketModel
import Pipeline

/// `alpaca-dash audit`'s output: the summary as text or one JSON object, records as lines.
enum AuditFormatter {
    /// The summary as tables.
    static func text(_ summary: AuditSummary, contents: AuditReader.Contents) -> String {
        var out = "audit trail: \(contents.files.joined(separator: ", "))\n"
        if let first = summary.first, let last = summary.last {
            out += "from \(first.rfc3339) to \(last.rfc3339)\n"
        } else {
            out += "no record matches\n"
        }
        if contents.unreadableLines > 0 { out += "\(contents.unreadableLines) unreadable lines skipped\n" }
        let errors = summary.endpoints.values.reduce(0) { $0 + $1.errors }
        let throttled = summary.endpoints.values.reduce(0) { $0 + $1.rateLimited }
        out += "\nrequests: \(summary.requests) (\(errors) errors, \(throttled) answered 429)\n"
        if !summary.endpoints.isEmpty {
            var table = TextTable(["Endpoint", "Requests", "Errors", "429", "p50 ms", "Max ms"])
            for (endpoint, figures) in summary.endpoints.sorted(by: { $0.key < $1.key }) {
                table.add([
                    endpoint, String(figures.requests), String(figures.errors), String(figures.rateLimited),
                    TextTable.number(figures.medianMilliseconds, decimals: 1),
                    TextTable.number(figures.maximumMilliseconds, decimals: 1),
                ])
            }
            out += table.rendered
        }
        out += "\nrejections: \(summary.rejections)\n"
        if !summary.byRule.isEmpty {
            let titles = Dictionary(Rules.catalogue.map { ($0.id, $0.text) }) { first, _ in first }
            var table = TextTable(["Rule", "Count", "Rule says"], textColumns: [0, 2])
            for (rule, count) in summary.byRule.sorted(by: {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }) {
                table.add([rule.rawValue, String(count), titles[rule] ?? "—"])
            }
            out += table.rendered
            let symbols = summary.bySymbol.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            out += "by symbol: " + symbols.prefix(20).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += symbols.count > 20 ? ", … (\(symbols.count) symbols)\n" : "\n"
        }
        if !summary.slowest.isEmpty {
            out += "\nslowest requests:\n"
            var table = TextTable(["Time", "Endpoint", "Status", "ms", "Request id"], textColumns: [0, 1, 4])
            for entry in summary.slowest {
                table.add([
                    entry.time.rfc3339, entry.request.endpoint, entry.request.status.map(String.init) ?? "none",
                    TextTable.number(entry.request.durationMilliseconds, decimals: 1), entry.request.requestID ?? "—",
                ])
            }
            out += table.rendered
        }
        return out
    }

    /// The summary as one JSON object.
    static func json(_ summary: AuditSummary, contents: AuditReader.Contents) -> String {
        var line = JSONLine()
        line.add("from", summary.first?.rfc3339)
        line.add("to", summary.last?.rfc3339)
        line.add("unreadable_lines", contents.unreadableLines)
        var requests = JSONLine()
        requests.add("total", summary.requests)
        var endpoints = JSONLine()
        for (endpoint, figures) in summary.endpoints.sorted(by: { $0.key < $1.key }) {
            var entry = JSONLine()
            entry.add("requests", figures.requests)
            entry.add("errors", figures.errors)
            entry.add("rate_limited", figures.rateLimited)
            var statuses = JSONLine()
            for (status, count) in figures.byStatus.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
                statuses.add(status.map(String.init) ?? "none", count)
            }
            entry.add("by_status", object: statuses)
            entry.add("p50_ms", figures.medianMilliseconds)
            entry.add("max_ms", figures.maximumMilliseconds)
            endpoints.add(endpoint, object: entry)
        }
        requests.add("by_endpoint", object: endpoints)
        line.add("requests", object: requests)
        var rejections = JSONLine()
        rejections.add("total", summary.rejections)
        var rules = JSONLine()
        for (rule, count) in summary.byRule.sorted(by: { $0.key < $1.key }) { rules.add(rule.rawValue, count) }
        rejections.add("by_rule", object: rules)
        var symbols = JSONLine()
        for (symbol, count) in summary.bySymbol.sorted(by: { $0.key < $1.key }) { symbols.add(symbol, count) }
        rejections.add("by_symbol", object: symbols)
        line.add("rejections", object: rejections)
        line.add(
            "slowest",
            objects: summary.slowest.map { entry in
                var object = JSONLine()
                object.add("ts", entry.time.rfc3339)
                addRequest(entry.request, to: &object)
                return object
            })
        return line.finished()
    }

    /// One record as one JSON line, in the audit file's own shape.
    static func jsonLine(_ record: AuditRecord) -> String {
        var line = JSONLine()
        line.add("ts", record.time.rfc3339)
        switch record.event {
        case .request(let request):
            line.add("kind", "request")
            addRequest(request, to: &line)
        case .rejection(let rejection):
            line.add("kind", "rejection")
            line.add("symbol", rejection.symbol)
            line.add("rule", rejection.rule.rawValue)
            line.add("code", rejection.code)
            line.add("message", rejection.message)
        }
        return line.finished()
    }

    /// One record as one line of text.
    static func textLine(_ record: AuditRecord) -> String {
        switch record.event {
        case .request(let r):
            let status = r.status.map(String.init) ?? "none"
            let id = r.requestID.map { " [\($0)]" } ?? ""
            return "\(record.time.rfc3339)  \(r.endpoint)  \(status)  \(r.bytes) B  "
                + "\(TextTable.number(r.durationMilliseconds, decimals: 1)) ms\(id)\n"
        case .rejection(let r):
            return "\(record.time.rfc3339)  \(r.symbol)  \(r.rule.rawValue)  \(r.code)  \(r.message)\n"
        }
    }

    private static func addRequest(_ request: AuditRequest, to line: inout JSONLine) {
        line.add("endpoint", request.endpoint)
        line.add("status", request.status)
        line.add("bytes", request.bytes)
        line.add("duration_ms", request.durationMilliseconds)
        line.add("request_id", request.requestID)
    }
}
