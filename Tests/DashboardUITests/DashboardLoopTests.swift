import DashboardUI
import MarketMetrics
import MarketModel
import TUICore
import TUITestSupport
import Testing

/// The dashboard loop the program runs, over `TestBackend` on a manual clock: what reaches the
/// backend is what the reducer renders, only changed cells are sent, and frames are capped.
@MainActor @Suite(.timeLimit(.minutes(1)))
struct DashboardLoopTests {
    /// Everything a loop under test talks to.
    @MainActor final class Rig {
        let clock = ManualClock()
        var queued: [LoopEvent] = []
        var sent: [PipelineCommand] = []
        var bells = 0
        let size: Size

        init(size: Size = Size(width: 100, height: 30)) { self.size = size }

        func loop() -> DashboardLoop<TestBackend, ManualClock> {
            DashboardLoop(
                terminal: Terminal(backend: TestBackend(size: size)), state: AppState(), theme: .default, clock: clock,
                now: { Fixtures.now }, bell: { self.bells += 1 },
                pending: {
                    defer { self.queued = [] }
                    return self.queued
                }, send: { self.sent.append($0) })
        }

        /// What the reducer alone makes of `messages`, rendered at `size`.
        func reference(_ messages: [Message], size: Size? = nil) -> ScreenBuffer {
            let size = size ?? self.size
            var state = AppState(size: size)
            for message in messages { _ = update(&state, message) }
            return render(state, theme: .default, size: size, now: Fixtures.now)
        }
    }

    @Test func theBackendShowsWhatTheReducerRendersAndAnUnchangedFrameIsNotSent() async {
        let rig = Rig()
        var loop = rig.loop()
        #expect(await loop.handle([]) == nil)
        #expect(loop.terminal.backend.buffer == rig.reference([]), "the waiting screen")
        rig.clock.advance(by: .seconds(1))
        #expect(await loop.handle([.update(Fixtures.update), .tick(Fixtures.now)]) == nil)
        let shown = loop.terminal.backend
        #expect(shown.buffer == rig.reference([.update(Fixtures.update), .tick(now: Fixtures.now)]))
        #expect(shown.buffer.snapshotText(includeStyles: false).contains("AAPL"))
        #expect(shown.flushes == 2)

        #expect(await loop.handle([.tick(Fixtures.now)]) == nil)
        #expect(loop.terminal.backend.flushes == 2, "an unchanged frame is not sent")
        #expect(loop.terminal.backend.cellsDrawn == shown.cellsDrawn)
        #expect(rig.clock.sleeperCount == 0)
    }

    @Test func framesAreCappedAndWhatArrivesMeanwhileIsFoldedIn() async {
        let rig = Rig()
        var loop = rig.loop()
        _ = await loop.handle([.update(Fixtures.update)])
        // A second frame right after the first goes out at once (a tick arriving just after the
        // clock's repaint is not held back by it).
        _ = await loop.handle([.keys([.down])])
        #expect(loop.terminal.backend.flushes == 2)
        #expect(rig.clock.sleeperCount == 0 && rig.clock.now == .zero)
        let drawn = loop.terminal.backend.cellsDrawn
        // A third within two intervals of the first waits on the clock (30 frames a second on
        // average); a key arriving meanwhile joins it.
        rig.queued = [.keys([.down])]
        let clock = rig.clock
        let advance = Task.detached {
            while clock.sleeperCount == 0 { await Task.yield() }
            clock.advance(by: .milliseconds(66))
        }
        #expect(await loop.handle([.keys([.down])]) == nil)
        await advance.value
        let backend = loop.terminal.backend
        #expect(backend.flushes == 3, "two key batches, one frame")
        #expect(clock.now == .zero.advanced(by: .milliseconds(66)))
        #expect(
            backend.buffer == rig.reference([.update(Fixtures.update), .key(.down), .key(.down), .key(.down)]))
        let changed = backend.cellsDrawn - drawn
        #expect(changed > 0 && changed < rig.size.width * rig.size.height / 4, "only changed cells: \(changed)")

        // Past the interval nothing waits.
        clock.advance(by: .seconds(1))
        _ = await loop.handle([.keys([.up])])
        #expect(loop.terminal.backend.flushes == 4)
        #expect(clock.sleeperCount == 0)
    }

    @Test func keysSendCommandsQuitsAndExitsEndTheLoop() async {
        let rig = Rig()
        var loop = rig.loop()
        _ = await loop.handle([.update(Fixtures.update)])
        rig.clock.advance(by: .seconds(1))
        #expect(await loop.handle([.keys([.char("r")])]) == nil)
        #expect(rig.sent == [.refreshNow])
        #expect(await loop.handle([.exit(143)]) == 143)
        #expect(await loop.handle([.keys([.char("q")])]) == 0)
        rig.clock.advance(by: .seconds(1))
        var events = [[LoopEvent.tick(Fixtures.now)], [.keys([.char("q")])]]
        #expect(await loop.run { events.isEmpty ? [.exit(1)] : events.removeFirst() } == 0)
    }

    @Test func aResizeRepaintsEveryCellAtTheNewSize() async {
        let rig = Rig()
        var loop = rig.loop()
        _ = await loop.handle([.update(Fixtures.update)])
        let small = Size(width: 80, height: 24)
        loop.terminal.backend.resize(to: small)
        rig.clock.advance(by: .seconds(1))
        _ = await loop.handle([.resized(small)])
        let backend = loop.terminal.backend
        #expect(backend.invalidations == 1)
        #expect(loop.state.size == small)
        #expect(backend.buffer == rig.reference([.update(Fixtures.update), .resize(small)], size: small))
    }

    @Test func aFiringAlertRingsTheBellOnce() async {
        let rig = Rig()
        var loop = rig.loop()
        var fired = Fixtures.update
        fired.market.alertsFired = 1
        _ = await loop.handle([.update(Fixtures.update)])
        #expect(rig.bells == 0)
        rig.clock.advance(by: .seconds(1))
        _ = await loop.handle([.update(fired)])
        #expect(rig.bells == 1)
        rig.clock.advance(by: .seconds(1))
        _ = await loop.handle([.update(fired)])
        #expect(rig.bells == 1, "the same count again rings nothing")
    }
}

extension DashboardLoopTests {
    /// A frame that shows a stream tick reports when the earliest tick in it arrived; a tick that
    /// changes nothing on screen is not reported.
    @Test func aFrameShowingATickReportsWhenItArrived() async {
        let rig = Rig()
        var reported: [Timestamp] = []
        var loop = DashboardLoop(
            terminal: Terminal(backend: TestBackend(size: rig.size)), state: AppState(), theme: .default,
            clock: rig.clock, now: { Fixtures.now }, painted: { reported.append($0) }, pending: { [] },
            send: { _ in })
        _ = await loop.handle([.update(Fixtures.update)])
        #expect(reported.isEmpty, "no stream message yet")
        var ticked = Fixtures.update
        ticked.market.generation += 1
        ticked.market.watchlist[0].quote?.value.lastPrice = 187.99
        var later = ticked
        later.market.generation += 1
        ticked.market.streamArrival = Fixtures.ago(0.2)
        later.market.streamArrival = Fixtures.ago(0.1)
        rig.clock.advance(by: .seconds(1))
        _ = await loop.handle([.update(ticked), .update(later)])
        #expect(reported == [Fixtures.ago(0.2)], "the earliest tick the frame shows")
        var unchanged = later
        unchanged.market.generation += 1
        unchanged.market.streamArrival = Fixtures.ago(0.05)
        rig.clock.advance(by: .seconds(1))
        _ = await loop.handle([.update(unchanged)])
        #expect(reported.count == 1, "nothing changed on screen: nothing painted")
    }
}
