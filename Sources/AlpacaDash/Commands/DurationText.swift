/// Durations on the command line: `500ms`, `10s`, `15m`, `1h`, `2d`, or a bare number of seconds.
enum DurationText {
    /// The seconds `text` means, or nil when it is not a duration within `range`.
    /// - Parameters:
    ///   - text: The option's value.
    ///   - range: The accepted seconds.
    static func seconds(_ text: String, in range: ClosedRange<Double>) -> Double? {
        let units: [(suffix: String, seconds: Double)] = [
            ("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
        ]
        var value: Double?
        for unit in units where text.hasSuffix(unit.suffix) {
            if let number = Double(text.dropLast(unit.suffix.count)) { value = number * unit.seconds }
            break
        }
        if value == nil, let number = Double(text) { value = number }
        guard let value, value.isFinite, range.contains(value) else { return nil }
        return value
    }
}
