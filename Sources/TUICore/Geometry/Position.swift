/// A cell position on the screen: column `x`, row `y`, both zero-based from the top-left corner.
public struct Position: Sendable, Hashable, CustomStringConvertible {
    /// The column, zero-based.
    public var x: Int
    /// The row, zero-based.
    public var y: Int

    /// Creates a position.
    /// - Parameters:
    ///   - x: The column.
    ///   - y: The row.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left corner.
    public static let origin = Position(x: 0, y: 0)

    /// `(x,y)`.
    public var description: String { "(\(x),\(y))" }
}
