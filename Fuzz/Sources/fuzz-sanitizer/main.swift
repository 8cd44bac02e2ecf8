// fuzz-sanitizer: `TerminalSanitizer.sanitize/clamp/fit` and `ScreenBuffer` writes.
//
// Input: byte 0 chooses how the rest becomes text (bit 0: UTF-8 with repair, or 3-byte scalar
// values reaching every plane); bytes 1–8 are the parameters (widths, buffer size, position,
// alignment, ellipsis); the rest is the text.
//
// Invariants: no C0/C1/DEL/Cf/line or paragraph separator survives `sanitize`; no grapheme
// cluster of its output has more than `maximumScalarsPerCluster` scalars; sanitizing is
// idempotent; `clamp` is at most the requested width and `fit` exactly it; a write changes only
// its own row (and only its span, plus the halves of wide graphemes it cuts), returns the cells
// it used, lays the same cells as a model of the documented general path, and leaves a frame
// that passes `checkFrame`.

import FuzzSupport
import TUICore

func text(from bytes: ArraySlice<UInt8>, scalars: Bool) -> String {
    guard scalars else { return String(decoding: bytes, as: UTF8.self) }
    var view = String.UnicodeScalarView()
    var i = bytes.startIndex
    while i + 2 < bytes.endIndex {
        let v = (UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])) % 0x11_0000
        if let s = Unicode.Scalar(v) { view.append(s) }
        i += 3
    }
    return String(view)
}

func checkSanitized(_ safe: String, _ what: String) {
    for scalar in safe.unicodeScalars where isForbiddenInCell(scalar) {
        violated("\(what) kept U+\(String(scalar.value, radix: 16, uppercase: true)) in \"\(escaped(safe))\"")
    }
    for character in safe where character.unicodeScalars.count > TerminalSanitizer.maximumScalarsPerCluster {
        violated(
            "\(what) left a cluster of \(character.unicodeScalars.count) scalars "
                + "(limit \(TerminalSanitizer.maximumScalarsPerCluster)): \"\(escaped(String(character)))\"")
    }
}

/// The cells `write` should lay, from its documentation: sanitized clusters left to right,
/// zero-width ones dropped, stopping before the first that does not fit; a wide cluster that
/// would end past the right edge becomes a blank.
func expectedCells(
    _ text: String, x: Int, limit: Int, bufferWidth: Int, style: Style
) -> (cells: [(Int, Cell)], used: Int) {
    var out: [(Int, Cell)] = []
    var used = 0
    guard limit > 0 else { return ([], 0) }
    for character in TerminalSanitizer.sanitize(text) {
        let width = DisplayWidth.of(character)
        if width == 0 { continue }
        if used + width > limit { break }
        let column = x + used
        if column >= 0 {
            if width == 2 && column + 1 >= bufferWidth {
                out.append((column, .blank(style)))
            } else {
                out.append((column, Cell(grapheme: String(character), width: width, style: style)))
            }
        }
        used += width
    }
    return (out, used)
}

/// libFuzzer's entry point: runs one input; traps when an invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var reader = ByteReader(data, count)
    let mode = reader.u8()
    let requested = Int(reader.u8()) - 8  // -8 ... 247
    let alignment: Alignment = [.left, .right, .center][Int(reader.u8() % 3)]
    let ellipsis = ["…", "...", "", "中", "→"][Int(reader.u8() % 5)]
    let size = Size(width: Int(reader.u8() % 48), height: Int(reader.u8() % 8))
    let x = Int(reader.u8()) % (size.width + 12) - 6
    let y = Int(reader.u8()) % (size.height + 4) - 2
    let maxWidthByte = reader.u8()
    let maxWidth = maxWidthByte == 255 ? Int.max : Int(maxWidthByte % 64) - 2
    let input = text(from: reader.rest(), scalars: mode & 1 == 1)

    // sanitize
    let safe = TerminalSanitizer.sanitize(input)
    checkSanitized(safe, "sanitize")
    let again = TerminalSanitizer.sanitize(safe)
    require(
        Array(again.unicodeScalars) == Array(safe.unicodeScalars),
        "sanitize is not idempotent: \"\(escaped(safe))\" → \"\(escaped(again))\"")
    let fromBytes = TerminalSanitizer.sanitize(bytes: Array(input.utf8))
    require(Array(fromBytes.unicodeScalars) == Array(safe.unicodeScalars), "sanitize(bytes:) differs from sanitize")

    // clamp and fit
    let clamped = TerminalSanitizer.clamp(input, toWidth: requested, ellipsis: ellipsis)
    checkSanitized(clamped.replacingEllipsis(ellipsis), "clamp")
    let clampedWidth = DisplayWidth.of(clamped)
    require(
        clampedWidth <= max(0, requested),
        "clamp to \(requested) gave width \(clampedWidth): \"\(escaped(clamped))\"")
    let fitted = TerminalSanitizer.fit(input, width: requested, alignment: alignment)
    checkSanitized(fitted, "fit")
    let fittedWidth = DisplayWidth.of(fitted)
    require(
        fittedWidth == max(0, requested),
        "fit to \(requested) (\(alignment)) gave width \(fittedWidth): \"\(escaped(fitted))\"")

    // ScreenBuffer.write
    let style = Style(foreground: .ansi(mode >> 4), attributes: TextAttributes(rawValue: mode >> 1 & 0x7))
    var buffer = ScreenBuffer(size: size, fill: .blank)
    // Some wide graphemes first, so that the write has halves to cut.
    if size.height > 0 {
        for row in 0..<size.height {
            buffer.write(String(repeating: "中a", count: 20), x: Int(mode >> 5) % 2, y: row, style: .plain)
        }
    }
    checkFrame(buffer, size: size, "prepared frame")
    let before = buffer
    let used = buffer.write(input, x: x, y: y, style: style, maxWidth: maxWidth)
    checkFrame(buffer, size: size, "after write(x: \(x), y: \(y), maxWidth: \(maxWidth))")
    let limit = min(maxWidth, size.width - x)
    require(used >= 0 && used <= max(0, limit), "write used \(used) cells, limit \(limit)")
    for row in 0..<size.height {
        for column in 0..<size.width {
            let index = row * size.width + column
            let inSpan = row == y && column >= x - 1 && column <= x + used
            if !inSpan {
                require(
                    buffer.cells[index] == before.cells[index],
                    "write at (\(x), \(y)) width \(used) changed the cell at (\(column), \(row))")
            }
        }
    }
    if y >= 0 && y < size.height {
        let expected = expectedCells(input, x: x, limit: limit, bufferWidth: size.width, style: style)
        require(expected.used == used, "write used \(used) cells, the model \(expected.used)")
        for (column, cell) in expected.cells {
            let actual = buffer[column, y]
            require(
                actual == cell,
                "write put '\(escaped(actual.grapheme))' (width \(actual.width)) at (\(column), \(y)), "
                    + "the model '\(escaped(cell.grapheme))' (width \(cell.width))")
        }
    } else {
        require(used == 0, "write outside the buffer used \(used) cells")
    }

    // fill and overlay stay inside the buffer and keep it well formed.
    var filled = buffer
    let rect = Rect(x: x, y: y, width: requested % 50, height: Int(mode % 5))
    filled.fill(rect, style: style)
    checkFrame(filled, size: size, "after fill(\(rect))")
    filled.overlay(rect, style: Style(attributes: .bold))
    checkFrame(filled, size: size, "after overlay(\(rect))")
    return 0
}

extension String {
    /// The text with a trusted ellipsis suffix removed (the caller's ellipsis is not sanitized).
    func replacingEllipsis(_ ellipsis: String) -> String {
        guard !ellipsis.isEmpty, hasSuffix(ellipsis) else { return self }
        return String(dropLast(ellipsis.count))
    }
}
