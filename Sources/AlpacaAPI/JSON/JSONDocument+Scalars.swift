extension JSONDocument.Storage {
    /// Whether the string token at `index` equals `key` (compared without allocating).
    func stringEquals(at index: Int, _ key: String) -> Bool {
        let t = tokens[index]
        guard !t.escaped else { return stringValue(at: index) == key }
        let count = Int(t.end - t.start)
        var key = key
        return key.withUTF8 { k in
            guard k.count == count else { return false }
            let start = Int(t.start)
            for i in 0..<count where bytes[start + i] != k[i] { return false }
            return true
        }
    }

    /// The decoded text of the string token at `index`.
    func stringValue(at index: Int) -> String {
        let t = tokens[index]
        let range = Int(t.start)..<Int(t.end)
        guard t.escaped else { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let c = bytes[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 5 < range.upperBound, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(at: i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A 64-bit FNV-1a code of the (unescaped) key at `index`, for switching on keys without
    /// making strings.
    func keyCode(at index: Int) -> UInt64 {
        let t = tokens[index]
        guard !t.escaped else { return JSONKey.code(stringValue(at: index)) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in Int(t.start)..<Int(t.end) {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
        }
        return hash
    }

    private func hex4(at i: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v = v << 4 | (JSONValue.hexValue(bytes[i + k]) ?? 0) }
        return v
    }

    /// The number token at `index` as an Int64 when it is a plain integer that fits.
    func parseInt64(at index: Int) -> Int64? {
        let t = tokens[index]
        var i = Int(t.start)
        let end = Int(t.end)
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value: Int64 = 0
        while i < end {
            let c = bytes[i]
            guard c >= 48, c <= 57 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - 48))
            guard !o1, !o2 else { return nil }
            value = a
            i += 1
        }
        return negative ? -value : value
    }

    /// The number token at `index` as a Double, exact for the common case (Clinger's fast path).
    func parseDouble(at index: Int) -> Double? {
        let t = tokens[index]
        var i = Int(t.start)
        let end = Int(t.end)
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var fast = true
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
                if mantissa != 0 { digits += 1 }
            } else {
                fast = false
            }
            i += 1
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[i] - 48)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    fast = false
                }
                i += 1
            }
        }
        if i < end { fast = false }  // an exponent part: take the slow path
        if fast, mantissa <= 1 << 53, exponent >= -22 {
            let value = Double(mantissa) / Self.powersOfTen[-exponent]
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(t.start)..<end]), as: UTF8.self))
    }

    private static let powersOfTen: [Double] = (0...22).map { p in
        var v = 1.0
        for _ in 0..<p { v *= 10 }
        return v
    }
}
