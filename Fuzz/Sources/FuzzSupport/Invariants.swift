public import TUICore

/// Stops the fuzzer with a message: libFuzzer sees the trap as a crash and saves the input.
/// - Parameter message: What invariant broke, with the values involved.
public func violated(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("fuzz invariant violated: \(message())", file: file, line: line)
}

/// Checks an invariant; traps through `violated(_:)` when it does not hold.
@inline(__always)
public func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
) {
    if !condition() { violated(message(), file: file, line: line) }
}

/// The fuzz targets' own definition of a scalar that must never reach a terminal cell.
///
/// Written independently of `TerminalSanitizer.isUnsafe` (which is what is under test): C0
/// controls, DEL, C1 controls, every format character (general category Cf: zero-width and BiDi
/// controls, U+FEFF, tags…), and the line and paragraph separators.
public func isForbiddenInCell(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029: return true
    default:
        switch scalar.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

/// Escapes text for a failure message (every non-ASCII or control scalar as `\u{…}`).
public func escaped(_ text: some StringProtocol) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        if scalar.value >= 0x20 && scalar.value < 0x7F {
            out.unicodeScalars.append(scalar)
        } else {
            out += "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }
    return out
}

/// Checks every structural and safety invariant of a rendered frame.
///
/// - The buffer has the requested size and exactly `width × height` cells.
/// - No cell holds a forbidden scalar (see `isForbiddenInCell`).
/// - Every drawn cell is 1 or 2 wide; a 2-wide cell is followed by its continuation on the same
///   row (so never in the last column), and a continuation always follows a 2-wide cell.
/// - A drawn cell holds a grapheme of at most `Cell.maximumGraphemeBytes` bytes, a continuation none.
/// - Parameters:
///   - buffer: The frame.
///   - size: The size it was rendered at.
///   - what: Names the frame in a failure message.
public func checkFrame(_ buffer: ScreenBuffer, size: Size, _ what: @autoclosure () -> String) {
    require(buffer.size == size, "\(what()): frame is \(buffer.size), asked for \(size)")
    require(
        buffer.cells.count == size.width * size.height,
        "\(what()): \(buffer.cells.count) cells for \(size)")
    for y in 0..<size.height {
        var previousWide = false
        for x in 0..<size.width {
            let cell = buffer.cells[y * size.width + x]
            // Printable ASCII needs no decoding (most cells): check the bytes directly.
            let (byteCount, printableASCII) = cell.withGraphemeUTF8 { raw in
                (raw.count, raw.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
            }
            if cell.isContinuation {
                require(previousWide, "\(what()): continuation at \(x),\(y) without a wide cell before it")
                require(byteCount == 0, "\(what()): continuation at \(x),\(y) holds '\(escaped(cell.grapheme))'")
                previousWide = false
                continue
            }
            require(!previousWide, "\(what()): wide cell at \(x - 1),\(y) lacks its continuation")
            require(cell.width == 1 || cell.width == 2, "\(what()): cell at \(x),\(y) has width \(cell.width)")
            require(
                byteCount <= Cell.maximumGraphemeBytes, "\(what()): cell at \(x),\(y) holds \(byteCount) bytes")
            previousWide = cell.width == 2
            if printableASCII { continue }
            let grapheme = cell.grapheme
            for scalar in grapheme.unicodeScalars where isForbiddenInCell(scalar) {
                violated(
                    "\(what()): cell at \(x),\(y) holds U+\(String(scalar.value, radix: 16, uppercase: true)) "
                        + "in '\(escaped(grapheme))'")
            }
        }
        require(!previousWide, "\(what()): wide cell in the last column of row \(y)")
    }
}
