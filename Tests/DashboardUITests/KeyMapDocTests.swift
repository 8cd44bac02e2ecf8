import DashboardUI
import Foundation
import TUITestSupport
import Testing

struct KeyMapDocTests {
    @Test func keybindingsDocumentIsCurrent() {
        let url = packageRoot(for: #filePath).appendingPathComponent("docs/keybindings.md")
        expectGoldenFile(KeyMaps.markdown(), at: url)
    }
}
