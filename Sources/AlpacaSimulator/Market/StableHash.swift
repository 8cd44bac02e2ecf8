/// Process-independent hashing (FNV-1a over bytes, SplitMix64 mixing) for the seeded market.
///
/// Swift's `Hasher` is randomly seeded per process, so every derived value here goes through this
/// type instead; the same inputs give the same outputs in every run and on every machine.
enum StableHash {
    /// FNV-1a, 64-bit, over the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The SplitMix64 finaliser: a bijective avalanche of one word.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Combines words into one well-mixed word, order-sensitively.
    static func combine(_ parts: UInt64...) -> UInt64 {
        var hash: UInt64 = 0x6a09_e667_f3bc_c909
        for part in parts { hash = mix(hash ^ part) }
        return hash
    }

    /// A uniform value in [0, 1) from a hash word.
    static func unit(_ word: UInt64) -> Double { Double(word >> 11) * 0x1.0p-53 }

    /// A uniform value in [0, 1) from parts.
    static func unit(_ parts: UInt64...) -> Double {
        var hash: UInt64 = 0x6a09_e667_f3bc_c909
        for part in parts { hash = mix(hash ^ part) }
        return unit(hash)
    }

    /// A UUID-shaped string (version 4 layout) derived from a key.
    static func uuid(_ key: UInt64) -> String {
        let high = mix(key ^ 0x5555)
        let low = mix(key ^ 0xaaaa)
        let digits = Array("0123456789abcdef")
        var nibbles: [Character] = []
        for word in [high, low] {
            for shift in stride(from: 60, through: 0, by: -4) {
                nibbles.append(digits[Int((word >> UInt64(shift)) & 0xf)])
            }
        }
        nibbles[12] = "4"
        nibbles[16] = digits[8 + Int((low >> 3) & 3)]
        let text = String(nibbles)
        func part(_ from: Int, _ count: Int) -> Substring {
            let start = text.index(text.startIndex, offsetBy: from)
            return text[start..<text.index(start, offsetBy: count)]
        }
        return "\(part(0, 8))-\(part(8, 4))-\(part(12, 4))-\(part(16, 4))-\(part(20, 12))"
    }
}
