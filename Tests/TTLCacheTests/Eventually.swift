/// Polls `condition` every millisecond for up to `attempts` tries; true once it holds.
func eventually(attempts: Int = 10_000, _ condition: () async -> Bool) async -> Bool {
    for _ in 0..<attempts {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}
