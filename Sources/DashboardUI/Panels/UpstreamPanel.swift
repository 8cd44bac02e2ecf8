import MarketMetrics
import MarketModel
import TUICore

/// Panel 6: per-endpoint counters and latency, the rate-limit budget and the connection state.
enum UpstreamPanel {
    static let columns: [TableColumn] = [
        TableColumn("Endpoint", width: 30),
        TableColumn("Req", width: 6, alignment: .right),
        TableColumn("Err", width: 5, alignment: .right),
        TableColumn("429", width: 4, alignment: .right),
        TableColumn("p50", width: 7, alignment: .right, priority: 2),
        TableColumn("p99", width: 7, alignment: .right, priority: 1),
        TableColumn("Last error", width: 12, priority: 3, flexible: true),
    ]

    /// Draws the panel.
    static func render(
        _ state: AppState, _ metrics: MetricsSnapshot, now: Timestamp, area: Rect, into buffer: inout ScreenBuffer,
        theme: Theme
    ) {
        let stream = state.latest?.market.stream
        let options = state.latest?.market.optionStream
        let header = 2 + (stream == nil ? 0 : 3) + (options == nil ? 0 : 1)
        let parts = Layout(.vertical, [.length(header), .length(1), .fill(1)]).split(area)
        let connectionRole: Theme.Role
        let glyph: String
        switch metrics.connection {
        case .connected: (connectionRole, glyph) = (.qualityGood, "●")
        case .degraded: (connectionRole, glyph) = (.qualityWarn, "◐")
        case .offline: (connectionRole, glyph) = (.qualityError, "○")
        case .unknown: (connectionRole, glyph) = (.muted, "?")
        }
        var budget: [TextSpan] = [TextSpan("Rate limit  ", role: .muted)]
        if let limit = metrics.rateLimit {
            let low = limit.limit > 0 && limit.remaining * 10 < limit.limit
            budget.append(TextSpan("\(limit.remaining)/\(limit.limit) left", role: low ? .qualityWarn : .body))
            if let reset = limit.resetAt {
                budget.append(TextSpan(" · resets in " + Format.age(reset - now.secondsSinceEpoch), role: .muted))
            }
        } else {
            budget.append(TextSpan(Format.missing + " (no rate-limit headers yet)", role: .valueMissing))
        }
        if let hold = metrics.hold, hold.until > now.secondsSinceEpoch {
            budget.append(
                TextSpan(" · 429: held " + Format.age(hold.until - now.secondsSinceEpoch), role: .qualityWarn))
            if hold.isCapped {
                budget.append(
                    TextSpan(
                        " (server asked " + Format.age(hold.requested - now.secondsSinceEpoch) + ", capped)",
                        role: .qualityWarn))
            }
        }
        Paragraph(
            [
                [
                    TextSpan("Connection  ", role: .muted),
                    TextSpan("\(glyph) \(metrics.connection.rawValue)", role: connectionRole),
                ],
                budget,
            ] + (stream.map { Self.stream($0, now: now) } ?? [])
                + (options.map { [Self.optionStream($0, now: now)] } ?? [])
        ).render(into: &buffer, area: parts[0], theme: theme)
        guard !metrics.endpoints.isEmpty else {
            Paragraph([[TextSpan("No requests sent yet.", role: .muted)]]).render(
                into: &buffer, area: parts[2], theme: theme)
            return
        }
        let rows = metrics.endpoints.map { endpoint in
            var lastError = Format.missing
            if let text = endpoint.lastError {
                let when = endpoint.lastErrorAt.map { " (" + Format.age(now.secondsSinceEpoch - $0) + " ago)" } ?? ""
                lastError = text + when
            }
            return TableRow([
                TableCell(endpoint.name),
                TableCell(String(endpoint.requests)),
                TableCell(String(endpoint.errors), role: endpoint.errors > 0 ? .qualityWarn : nil),
                TableCell(String(endpoint.rateLimited), role: endpoint.rateLimited > 0 ? .qualityError : nil),
                TableCell(Format.latency(endpoint.p50), role: endpoint.p50 == nil ? .valueMissing : nil),
                TableCell(Format.latency(endpoint.p99), role: endpoint.p99 == nil ? .valueMissing : nil),
                TableCell(lastError, role: endpoint.lastError == nil ? .valueMissing : .qualityError),
            ])
        }
        let list = state.listState(for: .upstream)
        Table(columns: columns, rows: rows, selected: list.selected, offset: list.offset)
            .render(into: &buffer, area: parts[2], theme: theme)
    }

    /// The stream's three lines: state, URL and framing; subscriptions and counters; rates, lag
    /// and the last error.
    static func stream(_ stream: StreamStatus, now: Timestamp) -> [[TextSpan]] {
        let state = StatusLine.stream(stream, now: now)
        let first: [TextSpan] = [
            TextSpan("Stream      ", role: .muted), state.span,
            TextSpan(" · " + TerminalSanitizer.clamp(stream.url, toWidth: 60) + " · " + stream.framing, role: .muted),
        ]
        var second: [TextSpan] = [TextSpan("            streamed \(stream.subscribed.count)", role: .body)]
        if !stream.overflow.isEmpty {
            second.append(TextSpan(" · polled \(stream.overflow.count) (symbol limit)", role: .qualityWarn))
        }
        second.append(
            TextSpan(
                " · reconnects \(stream.reconnects) · stalls \(stream.stalls) · reseeds \(stream.reseeds)"
                    + " · gaps \(stream.gaps) · rejected \(stream.rejected) · out of order \(stream.outOfOrder)",
                role: .body))
        let rates = stream.messagesPerSecond.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.rate($0.value))" }
        var third: [TextSpan] = [
            TextSpan("            msgs/s ", role: .muted),
            TextSpan(
                rates.isEmpty ? Format.missing : rates.joined(separator: " "),
                role: rates.isEmpty ? .valueMissing : .body),
            TextSpan(" · lag p50 ", role: .muted),
            TextSpan(stream.lagP50.map { Format.latency($0 / 1000) } ?? Format.missing, role: .body),
            TextSpan(" p99 ", role: .muted),
            TextSpan(stream.lagP99.map { Format.latency($0 / 1000) } ?? Format.missing, role: .body),
        ]
        if let message = stream.lastErrorMessage {
            let code = stream.lastErrorCode.map { "\($0) " } ?? ""
            third.append(
                TextSpan(" · last: " + code + TerminalSanitizer.clamp(message, toWidth: 40), role: .qualityError))
        }
        return [first, second, third]
    }

    /// The option stream's line: state, contracts streamed, rates, lag and the last error.
    static func optionStream(_ stream: StreamStatus, now: Timestamp) -> [TextSpan] {
        var line: [TextSpan] = [
            TextSpan("Options     ", role: .muted), StatusLine.stream(stream, now: now).span,
            TextSpan(" · contracts \(stream.subscribed.count)", role: .body),
        ]
        if !stream.overflow.isEmpty {
            line.append(TextSpan(" · polled \(stream.overflow.count) (symbol limit)", role: .qualityWarn))
        }
        let rates = stream.messagesPerSecond.sorted { $0.key < $1.key }.map { "\($0.key) \(Format.rate($0.value))" }
        if !rates.isEmpty { line.append(TextSpan(" · msgs/s " + rates.joined(separator: " "), role: .body)) }
        if let p99 = stream.lagP99 { line.append(TextSpan(" · lag p99 " + Format.latency(p99 / 1000), role: .body)) }
        if let message = stream.lastErrorMessage {
            let code = stream.lastErrorCode.map { "\($0) " } ?? ""
            line.append(
                TextSpan(" · last: " + code + TerminalSanitizer.clamp(message, toWidth: 40), role: .qualityError))
        }
        return line
    }
}
