public import MarketModel

extension AlertEvent {
    /// One JSON line: `{"type":"alert","ts":…,"state":"firing","rule":…,"symbol":…,"value":…,…}`,
    /// as `health --json` prints it and `--on-alert` receives it on standard input.
    public var jsonLine: String {
        var line = JSONLine()
        line.add("type", "alert")
        line.add("ts", time.rfc3339)
        line.add("state", state.rawValue)
        line.add("rule", rule)
        line.add("rule_index", ruleIndex)
        line.add("symbol", symbol)
        line.add("value", value)
        line.add("threshold", threshold)
        line.add("summary", summary)
        return line.finished()
    }
}
