import TUICore
import Testing

struct LayoutTests {
    @Test func splitsVerticallyWithFixedAndFillParts() {
        let parts = Layout(.vertical, [.length(1), .fill(1), .length(2)]).split(Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(
            parts == [
                Rect(x: 0, y: 0, width: 80, height: 1), Rect(x: 0, y: 1, width: 80, height: 21),
                Rect(x: 0, y: 22, width: 80, height: 2),
            ])
    }

    @Test func fixedPartsShrinkWhenThereIsNoRoom() {
        let parts = Layout(.horizontal, [.length(10), .length(10), .fill(1)]).split(
            Rect(x: 0, y: 0, width: 15, height: 1))
        #expect(parts.map(\.width) == [10, 5, 0])
    }

    @Test func percentagesAndWeights() {
        let parts = Layout(.horizontal, [.percentage(50), .fill(1), .fill(3)]).split(
            Rect(x: 0, y: 0, width: 100, height: 1))
        #expect(parts.map(\.width) == [50, 12, 38])
        #expect(parts.map(\.x) == [0, 50, 62])
    }
}
