/// Makes untrusted text inert before it reaches a terminal (reliability §2.2).
///
/// Every C0 control (including TAB, CR, LF, BS, ESC), DEL, every C1 control, every Unicode format
/// character (Cf: zero-width and BiDi controls such as U+200B–U+200F, U+202A–U+202E,
/// U+2060–U+2064, U+2066–U+2069, U+FEFF) and the line/paragraph separators U+2028/U+2029 become
/// U+FFFD. Widgets apply it to every string they draw, and `ScreenBuffer` applies it again to
/// anything written into a cell, so no caller can forget it.
public enum TerminalSanitizer {
    /// The replacement character shown in place of anything unsafe.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"
    /// The most combining scalars kept on one base character (defends against "Zalgo" text).
    public static let maximumScalarsPerCluster = 8

    /// Whether a scalar must never reach the terminal as-is.
    /// - Parameter scalar: The scalar to test.
    /// - Returns: True for C0, DEL, C1, Cf, U+2028 and U+2029.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
        if v < 0xAD { return false }
        if v == 0x2028 || v == 0x2029 { return true }
        return scalar.properties.generalCategory == .format
    }

    /// Replaces every unsafe scalar with U+FFFD and bounds the length of grapheme clusters.
    /// - Parameter text: Untrusted text.
    /// - Returns: Text that is safe to draw.
    public static func sanitize(_ text: some StringProtocol) -> String {
        // Text of standalone scalars (ASCII and common symbols) holds nothing unsafe and no cluster
        // of more than one scalar: it is already safe.
        if DisplayWidth.isStandalone(text) { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? replacement : scalar)
        }
        // A first cluster that starts with a combining or spacing mark has no base: it would join
        // whatever text is put before it (padding, a neighbouring string). It gets U+25CC DOTTED
        // CIRCLE as its base, the usual way to show a mark on its own.
        if let first = scalars.first, hasNoBase(first) { scalars.insert(dottedCircle, at: scalars.startIndex) }
        var result = ""
        for character in String(scalars) {
            if character.unicodeScalars.count > maximumScalarsPerCluster {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: character.unicodeScalars.prefix(maximumScalarsPerCluster))
                result += String(view)
            } else {
                result.append(character)
            }
            // Clusters cut to the limit can join again when put side by side (a run of Hangul
            // jamo does): what joined past the limit is dropped, so no cluster ever exceeds it.
            if let last = result.last, last.unicodeScalars.count > maximumScalarsPerCluster {
                result.unicodeScalars.removeLast(last.unicodeScalars.count - maximumScalarsPerCluster)
            }
        }
        return result
    }

    /// The base shown under a mark that has none.
    static let dottedCircle: Unicode.Scalar = "\u{25CC}"

    /// Whether a scalar joins the one before it whatever that is: Grapheme_Cluster_Break Extend
    /// (Grapheme_Extend and the emoji modifiers U+1F3FB–U+1F3FF) and spacing marks.
    static func hasNoBase(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return scalar.value >= 0x300
            && (properties.isGraphemeExtend || properties.isEmojiModifier || properties.generalCategory == .spacingMark)
    }

    /// Decodes bytes as UTF-8 (invalid sequences become U+FFFD) and sanitizes the result.
    /// - Parameter bytes: Raw bytes from the outside world.
    /// - Returns: Text that is safe to draw.
    public static func sanitize(bytes: some Collection<UInt8>) -> String {
        sanitize(String(decoding: bytes, as: UTF8.self))
    }

    /// Sanitizes and then clamps text to a display width, ending with `ellipsis` when cut.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - width: The most cells the result may take.
    ///   - ellipsis: Appended when the text had to be cut (dropped when it does not fit either).
    /// - Returns: Safe text no wider than `width`.
    public static func clamp(_ text: some StringProtocol, toWidth width: Int, ellipsis: String = "…") -> String {
        let safe = sanitize(text)
        guard width > 0 else { return "" }
        if DisplayWidth.of(safe) <= width { return safe }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let budget = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in safe {
            let w = DisplayWidth.of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// Pads safe text with spaces to exactly `width` cells (clamping first), aligned as asked.
    /// - Parameters:
    ///   - text: Untrusted text.
    ///   - width: The exact width of the result.
    ///   - alignment: Where the text sits in the field.
    /// - Returns: Safe text exactly `width` cells wide.
    public static func fit(_ text: some StringProtocol, width: Int, alignment: Alignment = .left) -> String {
        let clamped = clamp(text, toWidth: width)
        let gap = max(0, width - DisplayWidth.of(clamped))
        switch alignment {
        case .left: return clamped + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + clamped
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + clamped + String(repeating: " ", count: gap - left)
        }
    }
}
