/// A rectangle of cells, the area a widget draws into.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// The left column.
    public var x: Int
    /// The top row.
    public var y: Int
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    /// Creates a rectangle; negative sizes are clamped to zero.
    /// - Parameters:
    ///   - x: The left column.
    ///   - y: The top row.
    ///   - width: Columns.
    ///   - height: Rows.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Creates a rectangle at the origin covering a whole screen.
    /// - Parameter size: The screen size.
    public init(size: Size) {
        self.init(x: 0, y: 0, width: size.width, height: size.height)
    }

    /// The column just past the right edge.
    public var maxX: Int { x + width }
    /// The row just past the bottom edge.
    public var maxY: Int { y + height }
    /// Whether the rectangle holds no cell.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// The size of the rectangle.
    public var size: Size { Size(width: width, height: height) }

    /// The rectangle shrunk by `amount` cells on every side.
    /// - Parameter amount: Cells to remove from each edge.
    /// - Returns: The inner rectangle (empty when too small).
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    /// The part of this rectangle that lies inside `other`.
    /// - Parameter other: The clipping rectangle.
    /// - Returns: The intersection (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether a position lies inside the rectangle.
    /// - Parameter position: The position to test.
    /// - Returns: True when inside.
    public func contains(_ position: Position) -> Bool {
        position.x >= x && position.x < maxX && position.y >= y && position.y < maxY
    }

    /// The single row at `offset` from the top, or an empty rectangle past the bottom.
    /// - Parameter offset: Rows from the top.
    /// - Returns: A one-row rectangle.
    public func row(_ offset: Int) -> Rect {
        guard offset >= 0, offset < height else { return Rect(x: x, y: maxY, width: 0, height: 0) }
        return Rect(x: x, y: y + offset, width: width, height: 1)
    }

    /// A rectangle of `height` rows centred in this one, `width` columns wide (both clamped).
    /// - Parameters:
    ///   - width: Wanted columns.
    ///   - height: Wanted rows.
    /// - Returns: The centred rectangle.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// `x,y WxH`.
    public var description: String { "\(x),\(y) \(width)x\(height)" }
}
