extension DisplayWidth {
    /// Widths of U+2000–U+2BFF (punctuation, arrows, box drawing, shapes, symbols: drawn on every
    /// frame), worked out once by `computedWidth(of:)`.
    static let symbolWidths: [UInt8] = (0x2000..<0x2C00).map { value in
        UInt8(computedWidth(of: Unicode.Scalar(UInt32(value))!))
    }

    /// Whether a scalar is safe to draw as is and always forms a grapheme cluster on its own.
    ///
    /// Standalone whatever its neighbours: printable ASCII, Latin-1 and Latin Extended letters
    /// (not the soft hyphen), and U+2010–U+2BFF without the separators, BiDi and invisible format
    /// characters and the combining marks for symbols. `FastPathEquivalenceTests` checks every
    /// one of them against the standard library's grapheme breaking and the sanitizer.
    /// - Parameter value: The scalar's value.
    /// - Returns: True when standalone.
    @inline(__always)
    static func isStandalone(_ value: UInt32) -> Bool {
        if value < 0x300 { return (value >= 0x20 && value < 0x7F) || (value >= 0xA0 && value != 0xAD) }
        guard value >= 0x2010 && value < 0x2C00 else { return false }
        if value < 0x2030 { return value < 0x2028 }
        if value < 0x2100 { return value < 0x2060 || (value >= 0x2070 && value < 0x20D0) }
        return true
    }

    /// Whether every scalar of a text is standalone (so each scalar is one cell and the text
    /// needs no sanitizing).
    /// - Parameter text: The text.
    /// - Returns: True when the text can take the fast path.
    static func isStandalone(_ text: some StringProtocol) -> Bool {
        for byte in text.utf8 where byte >= 0x80 || byte < 0x20 || byte == 0x7F {
            return text.unicodeScalars.allSatisfy { isStandalone($0.value) }
        }
        return true
    }

    /// The width of a text when every scalar of it is standalone, in one pass; nil otherwise.
    /// - Parameter text: The text.
    /// - Returns: Cells taken, or nil when the text needs the general path.
    static func standaloneWidth(of text: some StringProtocol) -> Int? {
        var ascii = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else {
                var total = 0
                for scalar in text.unicodeScalars {
                    guard isStandalone(scalar.value) else { return nil }
                    total += standaloneWidth(scalar.value)
                }
                return total
            }
            ascii += 1
        }
        return ascii
    }

    /// The width of a standalone scalar (see `isStandalone(_:)`).
    /// - Parameter value: The scalar's value.
    /// - Returns: Cells taken.
    @inline(__always)
    static func standaloneWidth(_ value: UInt32) -> Int {
        value < 0x2000 ? 1 : Int(symbolWidths[Int(value &- 0x2000)])
    }
}
