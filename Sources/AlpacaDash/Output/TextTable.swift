import TUICore

/// A plain-text table for the headless commands: numbers right-aligned, text columns (the first
/// by default) left-aligned, every cell passed through the terminal sanitizer (upstream text is
/// never printed raw).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// The indices of the left-aligned (text) columns.
    var textColumns: Set<Int>

    init(_ headers: [String], textColumns: Set<Int> = [0]) {
        self.headers = headers
        self.textColumns = textColumns
    }

    mutating func add(_ row: [String]) { rows.append(row.map { TerminalSanitizer.sanitize($0) }) }

    var rendered: String {
        let widths = headers.indices.map { i in
            ([headers[i]] + rows.map { i < $0.count ? $0[i] : "" }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(cell)))
                return textColumns.contains(i) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacing(/\ +$/, with: "")
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// A number with fixed decimals, or `—` when missing.
    static func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "—" }
        let scale = (0..<decimals).reduce(1.0) { v, _ in v * 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let fraction = text.distance(from: dot, to: text.endIndex) - 1
            if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
        } else if decimals > 0 {
            text += "." + String(repeating: "0", count: decimals)
        }
        return text
    }

    /// An integer, or `—` when missing.
    static func integer(_ value: Int64?) -> String { value.map { "\($0)" } ?? "—" }
}
