import Foundation
import TUICore
import TUITestSupport
import Testing

struct ThemeTests {
    static let themeDirectory = packageRoot(for: #filePath).appendingPathComponent("themes")

    static var themeFiles: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: themeDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { themeDirectory.appendingPathComponent($0) }
    }

    @Test func everyThemeFileDecodesAndResolvesEveryRole() throws {
        #expect(Self.themeFiles.count >= 4)
        for url in Self.themeFiles {
            let file = try ThemeFile.decode(Array(try Data(contentsOf: url)))
            #expect(throws: Never.self, "\(url.lastPathComponent)") { try file.validate() }
            #expect(file.name + ".json" == url.lastPathComponent)
        }
    }

    @Test func compiledInDefaultMatchesTheFile() throws {
        let url = Self.themeDirectory.appendingPathComponent("default.json")
        let file = try ThemeFile.decode(Array(try Data(contentsOf: url)))
        #expect(try file.resolve() == Theme.default)
    }

    @Test func unresolvedReferencesAreReported() {
        let file = ThemeFile(name: "bad", palette: ["x": "#123456"], roles: ["body": .init(fg: "nope")])
        #expect(throws: ThemeError.unresolvedColor(reference: "nope", context: "roles.body.fg")) { try file.resolve() }
        let missing = ThemeFile(name: "thin", palette: [:], roles: ["body": .init(fg: "red")])
        #expect(throws: ThemeError.self) { try missing.validate() }
    }

    @Test func rolesFallBackToTheirParentAndBody() {
        let theme = Theme(
            name: "t", styles: [.body: Style(foreground: .ansi(7)), "table": Style(attributes: .bold)])
        #expect(theme.style(.tableHeader) == Style(attributes: .bold))
        #expect(theme.style(.priceUp) == Style(foreground: .ansi(7)))
    }

    @Test(arguments: [
        ("default", Color.default), ("red", .ansi(1)), ("brightwhite", .ansi(15)),
        ("color208", .indexed(208)), ("#ff8000", .rgb(255, 128, 0)),
    ])
    func parsesColours(text: String, color: Color) {
        #expect(Color(parsing: text) == color)
        #expect(Color(parsing: color.description) == color)
    }
}
