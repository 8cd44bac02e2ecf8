/// Splits a rectangle into parts along one direction according to constraints.
public struct Layout: Sendable, Hashable {
    /// The direction parts are laid out in.
    public enum Direction: Sendable, Hashable {
        /// Side by side, left to right.
        case horizontal
        /// Stacked, top to bottom.
        case vertical
    }

    /// The direction.
    public var direction: Direction
    /// One constraint per part.
    public var constraints: [Constraint]
    /// Cells left empty between parts.
    public var spacing: Int

    /// Creates a layout.
    /// - Parameters:
    ///   - direction: The direction.
    ///   - constraints: One constraint per part.
    ///   - spacing: Cells between parts.
    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = spacing
    }

    /// Splits a rectangle; fixed parts are served first (earlier ones first when room runs out),
    /// then percentages, then fills share the rest by weight.
    /// - Parameter rect: The area to split.
    /// - Returns: One rectangle per constraint (possibly empty), in order.
    public func split(_ rect: Rect) -> [Rect] {
        let total = direction == .horizontal ? rect.width : rect.height
        let gaps = max(0, constraints.count - 1) * spacing
        var remaining = max(0, total - gaps)
        var sizes = Array(repeating: 0, count: constraints.count)
        for (i, constraint) in constraints.enumerated() {
            switch constraint {
            case .length(let n), .min(let n):
                sizes[i] = Swift.min(Swift.max(0, n), remaining)
                remaining -= sizes[i]
            default: break
            }
        }
        for (i, constraint) in constraints.enumerated() {
            if case .percentage(let p) = constraint {
                sizes[i] = Swift.min(Swift.max(0, total * p / 100), remaining)
                remaining -= sizes[i]
            }
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let w): return Swift.max(0, w)
            case .min: return 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if weightSum > 0 {
            var handed = 0
            var lastWeighted = 0
            for (i, w) in weights.enumerated() where w > 0 {
                let share = remaining * w / weightSum
                sizes[i] += share
                handed += share
                lastWeighted = i
            }
            sizes[lastWeighted] += remaining - handed
        }
        var offset = direction == .horizontal ? rect.x : rect.y
        return sizes.map { size in
            defer { offset += size + spacing }
            switch direction {
            case .horizontal: return Rect(x: offset, y: rect.y, width: size, height: rect.height)
            case .vertical: return Rect(x: rect.x, y: offset, width: rect.width, height: size)
            }
        }
    }
}
