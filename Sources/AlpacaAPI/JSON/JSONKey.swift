/// Key codes for switching on JSON member names without making strings: the 64-bit FNV-1a hash
/// of the key's UTF-8 bytes, the same function `JSONValue.forEachMember(coded:)` applies.
///
/// The codes below are literals, not `code(...)` calls: a computed global is initialised lazily,
/// and a `switch` over lazy globals pays a `swift_once` check per case on every member decoded.
/// `JSONKeyTests` checks each literal against `code(_:)`.
public enum JSONKey {
    /// The code of a key.
    public static func code(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static let t: UInt64 = 0xaf63_e94c_8602_02a3  // "t"
    static let x: UInt64 = 0xaf63_f54c_8602_1707  // "x"
    static let p: UInt64 = 0xaf63_ed4c_8602_096f  // "p"
    static let s: UInt64 = 0xaf63_ee4c_8602_0b22  // "s"
    static let i: UInt64 = 0xaf63_e44c_8601_fa24  // "i"
    static let c: UInt64 = 0xaf63_de4c_8601_eff2  // "c"
    static let z: UInt64 = 0xaf63_f74c_8602_1a6d  // "z"
    static let bx: UInt64 = 0x08a6_4c07_b54d_fa87  // "bx"
    static let bp: UInt64 = 0x08a6_4407_b54d_ecef  // "bp"
    static let bs: UInt64 = 0x08a6_4507_b54d_eea2  // "bs"
    static let ax: UInt64 = 0x089c_4a07_b545_a29c  // "ax"
    static let ap: UInt64 = 0x089c_5207_b545_b034  // "ap"
    static let `as`: UInt64 = 0x089c_5507_b545_b54d  // "as"
    static let o: UInt64 = 0xaf63_e24c_8601_f6be  // "o"
    static let h: UInt64 = 0xaf63_e54c_8601_fbd7  // "h"
    static let l: UInt64 = 0xaf63_e14c_8601_f50b  // "l"
    static let v: UInt64 = 0xaf63_eb4c_8602_0609  // "v"
    static let n: UInt64 = 0xaf63_e34c_8601_f871  // "n"
    static let vw: UInt64 = 0x08cf_5107_b571_081a  // "vw"
    static let latestTrade: UInt64 = 0x0937_b3a4_8bc8_4d04  // "latestTrade"
    static let latestQuote: UInt64 = 0x8c29_395d_cb7d_598a  // "latestQuote"
    static let minuteBar: UInt64 = 0x6c6c_4990_07f0_b546  // "minuteBar"
    static let dailyBar: UInt64 = 0x0a68_5032_e3a1_7067  // "dailyBar"
    static let prevDailyBar: UInt64 = 0x77f6_6fd3_3cd3_c5de  // "prevDailyBar"
    static let greeks: UInt64 = 0x6b3a_cd54_1256_e670  // "greeks"
    static let impliedVolatility: UInt64 = 0x8846_6c75_845c_fd20  // "impliedVolatility"
}
