/// The Gaussian knots of one price path's slow scales (an hour and longer) over one UTC day.
///
/// A path value needs two knots per scale, and every second of a day shares the same few dozen
/// knots of the slow scales, so a bar sampled 30 times over a session would compute the same
/// `log` and `cos` again and again. The table holds those knots exactly as
/// ``PricePath/gaussian(scale:knot:)`` computes them, so a path value read through it is
/// bit-identical to one computed without it.
struct PathKnotTable: Sendable {
    /// The first scale index (into ``PricePath/scales``) held in the table; faster scales are computed.
    static let firstScale = 4
    /// Seconds per table window.
    static let windowSeconds: Int64 = 86_400

    /// The window (UTC day number) covered: seconds `day * 86 400 ..< (day + 1) * 86 400`.
    let day: Int64
    /// The first knot held, per held scale.
    private let firstKnots: [Int64]
    /// Where each held scale starts in `values`.
    private let offsets: [Int]
    /// The knots of all held scales, one run per scale.
    private let values: [Double]

    /// Computes the table of `path` for the UTC day containing `second`.
    init(path: PricePath, second: Int64) {
        let day = Self.floorDivide(second, Self.windowSeconds)
        self.day = day
        let first = day * Self.windowSeconds
        let last = first + Self.windowSeconds - 1
        var firstKnots: [Int64] = []
        var offsets: [Int] = []
        var values: [Double] = []
        for scale in Self.firstScale..<PricePath.scales.count {
            let period = PricePath.scales[scale]
            let low = Self.floorDivide(first, period)
            let high = Self.floorDivide(last, period) + 1
            firstKnots.append(low)
            offsets.append(values.count)
            for knot in low...high { values.append(path.gaussian(scale: scale, knot: knot)) }
        }
        self.firstKnots = firstKnots
        self.offsets = offsets
        self.values = values
    }

    /// Whether the table holds the slow knots needed at `second`.
    func covers(_ second: Int64) -> Bool { Self.floorDivide(second, Self.windowSeconds) == day }

    /// The knot `knot` of scale `scale`; the scale must be at least ``firstScale`` and the knot one
    /// needed by a second the table ``covers(_:)``.
    func gaussian(scale: Int, knot: Int64) -> Double {
        let held = scale - Self.firstScale
        return values[offsets[held] + Int(knot - firstKnots[held])]
    }

    /// Division rounded towards negative infinity, as the path rounds its knots.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}
