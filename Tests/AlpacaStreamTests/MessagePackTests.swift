import MessagePack
import Testing

@Suite struct MessagePackTests {
    @Test func integersRoundTripAtEveryWidthBoundary() throws {
        let values: [Int64] = [
            0, 1, 127, 128, 255, 256, 65_535, 65_536, 4_294_967_295, 4_294_967_296, Int64.max, -1, -32, -33, -128,
            -129, -32_768, -32_769, -2_147_483_648, -2_147_483_649, Int64.min,
        ]
        var w = MessagePackWriter()
        for value in values { w.write(value) }
        var r = MessagePackReader(w.bytes)
        for value in values { #expect(try r.readInt64() == value) }
        #expect(r.isAtEnd)
    }

    @Test func stringsDoublesAndTimestampsRoundTrip() throws {
        let strings = [
            "", "a", String(repeating: "x", count: 31), String(repeating: "y", count: 32),
            String(repeating: "z", count: 300), String(repeating: "w", count: 70_000), "é≈😀",
        ]
        var w = MessagePackWriter()
        for s in strings { w.write(s) }
        w.write(126.55)
        w.writeTimestamp(seconds: 1_614_009_105, nanoseconds: 0)
        w.writeTimestamp(seconds: 1_614_009_105, nanoseconds: 335_689_322)
        w.writeTimestamp(seconds: -62_135_596_800, nanoseconds: 5)
        var r = MessagePackReader(w.bytes)
        for s in strings { #expect(try r.readString() == s) }
        #expect(try r.readDouble() == 126.55)
        #expect(try r.readTimestamp() == (1_614_009_105, 0))
        #expect(try r.readTimestamp() == (1_614_009_105, 335_689_322))
        #expect(try r.readTimestamp() == (-62_135_596_800, 5))
        #expect(r.isAtEnd)
    }

    /// Nesting deeper than the limit is an error, not a deep recursion.
    @Test func skippingStopsAtTheDepthLimit() {
        var deep = [UInt8](repeating: 0x91, count: 10_000)
        deep.append(0xc0)
        var r = MessagePackReader(deep)
        #expect(throws: MessagePackError.self) { try r.skipValue() }
        var shallow = [UInt8](repeating: 0x91, count: 10)
        shallow.append(0xc0)
        var s = MessagePackReader(shallow)
        #expect(throws: Never.self) { try s.skipValue() }
        #expect(s.isAtEnd)
    }

    @Test func truncatedValuesThrow() {
        for bytes: [UInt8] in [[0xcb, 0, 0], [0xa5, 0x41], [0xd7, 0xff, 0], [0xcd], [0x92, 0x01]] {
            var r = MessagePackReader(bytes)
            #expect(throws: MessagePackError.self) { try r.skipValue() }
        }
    }
}
