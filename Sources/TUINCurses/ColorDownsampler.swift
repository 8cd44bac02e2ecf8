public import TUICore

/// Maps theme colours to what the terminal can show: RGB → 256 → 16 → none, by `COLORS`.
///
/// Pure: no ncurses calls.
public enum ColorDownsampler {
    /// The six levels of the xterm 6×6×6 colour cube.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of each of the 16 ANSI colours (xterm defaults).
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
        (0, 255, 255), (255, 255, 255),
    ]

    /// The terminal colour number of a colour, or -1 for the terminal default.
    /// - Parameters:
    ///   - color: The theme colour.
    ///   - colors: The terminal's `COLORS` (8, 16, 256, or more).
    /// - Returns: A colour number below `colors`, or -1.
    public static func index(for color: Color, colors: Int) -> Int16 {
        guard colors >= 8 else { return -1 }
        let limit = colors >= 256 ? 256 : (colors >= 16 ? 16 : 8)
        switch color {
        case .default: return -1
        case .ansi(let n): return Int16(limit >= 16 ? Int(n) : Int(n) % 8)
        case .indexed(let n):
            if limit == 256 { return Int16(n) }
            return Int16(fit16(Int(n), limit: limit))
        case .rgb(let r, let g, let b):
            let index = rgbTo256(Int(r), Int(g), Int(b))
            return Int16(limit == 256 ? index : fit16(index, limit: limit))
        }
    }

    /// The nearest 256-palette index (cube or grey ramp) of an RGB colour.
    /// - Returns: 16–255.
    public static func rgbTo256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeRGB = (cubeLevels[lr], cubeLevels[lg], cubeLevels[lb])
        let average = (r + g + b) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let greyValue = 8 + 10 * greyStep
        let grey = 232 + greyStep
        return distance((r, g, b), (greyValue, greyValue, greyValue)) < distance((r, g, b), cubeRGB) ? grey : cube
    }

    /// The RGB value of a 256-palette index.
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        if index < 16 { return ansiRGB[max(0, index)] }
        if index >= 232 {
            let v = 8 + 10 * (index - 232)
            return (v, v, v)
        }
        let n = index - 16
        return (cubeLevels[n / 36], cubeLevels[n / 6 % 6], cubeLevels[n % 6])
    }

    /// The nearest of the first `limit` ANSI colours (8 or 16) to a 256-palette index.
    public static func fit16(_ index: Int, limit: Int = 16) -> Int {
        if index < limit { return index }
        let target = rgb(ofIndex: index)
        return (0..<limit).min { distance(ansiRGB[$0], target) < distance(ansiRGB[$1], target) }!
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0
        let dg = a.1 - b.1
        let db = a.2 - b.2
        return 2 * dr * dr + 4 * dg * dg + 3 * db * db
    }
}
