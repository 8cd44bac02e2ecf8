import TUICore
import TUITestSupport
import Testing

struct WidgetTests {
    let columns = [
        TableColumn("Sym", width: 5), TableColumn("Last", width: 6, alignment: .right),
        TableColumn("Vol", width: 5, alignment: .right, priority: 2),
        TableColumn("Chg", width: 5, alignment: .right, priority: 1),
    ]

    @Test func tableDropsLowestPriorityColumnsFirst() {
        let table = Table(columns: columns, rows: [])
        #expect(table.layout(width: 30).map(\.index) == [0, 1, 2, 3])
        #expect(table.layout(width: 20).map(\.index) == [0, 1, 3])
        #expect(table.layout(width: 12).map(\.index) == [0, 1])
        #expect(table.layout(width: 8).map(\.index) == [0, 1])
    }

    @Test func tableDrawsHeaderRowsAndSanitizesCells() {
        let table = Table(
            columns: columns,
            rows: [TableRow(["AAPL", "187.25", "1.2M", "+1.0"]), TableRow(["X\u{1B}[2J", "—", "—", "—"])],
            selected: 1)
        var buffer = ScreenBuffer(size: Size(width: 26, height: 3))
        table.render(into: &buffer, area: buffer.area, theme: .monochrome)
        expectSnapshot(buffer, named: "table")
    }

    @Test func tableKeepsSelectionVisible() {
        #expect(Table.scrolledOffset(selected: 10, offset: 0, visibleRows: 5, rowCount: 20) == 6)
        #expect(Table.scrolledOffset(selected: 2, offset: 6, visibleRows: 5, rowCount: 20) == 2)
        #expect(Table.scrolledOffset(selected: nil, offset: 50, visibleRows: 5, rowCount: 20) == 15)
    }

    @Test func sparklineScalesBetweenMinAndMax() {
        #expect(Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).glyphs(width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline([5, 5, 5]).glyphs(width: 10) == "▄▄▄")
        #expect(Sparkline([1, 9, 1, 9]).glyphs(width: 2) == "▁█")
        #expect(Sparkline([]).glyphs(width: 4) == "")
        #expect(Sparkline([1, .nan, 2]).glyphs(width: 3) == "▁ █")
    }

    @Test func breadcrumbsDropOuterCrumbsWhenNarrow() {
        let crumbs = Breadcrumbs(["Watchlist", "AAPL chain", "AAPL240126C00150000"])
        #expect(crumbs.text(width: 80) == "Watchlist › AAPL chain › AAPL240126C00150000")
        #expect(crumbs.text(width: 40) == "… › AAPL chain › AAPL240126C00150000")
        #expect(DisplayWidth.of(crumbs.text(width: 10)) <= 10)
    }

    @Test func tabsFallBackToShortLabels() {
        let tabs = Tabs(titles: ["Watchlist", "Option chain"], shortTitles: ["Watch", "Chain"], selected: 0)
        #expect(tabs.labels(width: 40) == [" 1 Watchlist ", " 2 Option chain "])
        #expect(tabs.labels(width: 20) == [" 1 Watch ", " 2 Chain "])
        #expect(tabs.labels(width: 8) == [" 1 ", " 2 "])
    }

    @Test func statusBarDropsLowPrioritySegments() {
        let bar = StatusBar(
            left: [.init("SIMULATED", priority: 0), .init("iex", priority: 3)],
            right: [.init("12:00:00 ET", priority: 1)])
        #expect(bar.fitting(width: 40).left.count == 2)
        let narrow = bar.fitting(width: 22)
        #expect(narrow.left.map(\.span.text) == ["SIMULATED"])
        #expect(narrow.right.count == 1)
    }
}
