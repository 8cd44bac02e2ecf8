/// Key codes for switching on JSON member names without making strings: the 64-bit FNV-1a hash
/// of the key's UTF-8 bytes, the same function `JSONValue.forEachMember(coded:)` applies.
public enum JSONKey {
    /// The code of a key.
    public static func code(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static let t = code("t")
    static let x = code("x")
    static let p = code("p")
    static let s = code("s")
    static let i = code("i")
    static let c = code("c")
    static let z = code("z")
    static let bx = code("bx")
    static let bp = code("bp")
    static let bs = code("bs")
    static let ax = code("ax")
    static let ap = code("ap")
    static let `as` = code("as")
    static let o = code("o")
    static let h = code("h")
    static let l = code("l")
    static let v = code("v")
    static let n = code("n")
    static let vw = code("vw")
    static let latestTrade = code("latestTrade")
    static let latestQuote = code("latestQuote")
    static let minuteBar = code("minuteBar")
    static let dailyBar = code("dailyBar")
    static let prevDailyBar = code("prevDailyBar")
    static let greeks = code("greeks")
    static let impliedVolatility = code("impliedVolatility")
}
