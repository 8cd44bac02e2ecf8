import MarketMetrics
import MarketModel
import TUICore
import Testing

@testable import DashboardUI

/// Issue 8: values at the ends of Double's range reach the formatters and panels without trapping.
struct HardeningRenderTests {
    @Test func fixedNeverTrapsOnGreeksBelowItsCutOff() {
        // Past 9.2234e14, × 10^4 overflows Int64: these trapped `Format.fixed` on the contract screen.
        for value in [9.224e14, 9.3e14, 9.999_999_999e14, -9.5e14] {
            #expect(Format.fixed(value, 4) == Format.missing, "\(value)")
            #expect(Format.fixedReference(value, 4) == Format.missing)
        }
        #expect(Format.fixed(9.2e14, 3) == "920000000000000.000")
        #expect(Format.fixed(1.5, 99) == Format.missing, "digits beyond 6 are refused, not looped on")
    }

    @Test func ageNeverTrapsOnAFarFutureReset() {
        #expect(Format.age(1e300) == ">999d")
        #expect(Format.age(.infinity) == ">999d")
        #expect(Format.age(.nan) == Format.missing)
        #expect(Format.age(-1e300) == "0s")
        #expect(Format.age(998 * 86_400) == "998d00h")
        #expect(Format.latency(1e300) != "")
    }

    @Test func theUpstreamPanelSaysWhenAHoldWasCapped() {
        var metrics = Fixtures.metrics
        let now = Fixtures.now.secondsSinceEpoch
        metrics.rateLimit = RateLimitStatus(limit: 200, remaining: 0, resetAt: now + 1e300)
        metrics.hold = RateLimitHold(until: now + 90, requested: now + 1e15)
        var state = Fixtures.state([.upstream], size: Size(width: 140, height: 30))
        _ = DashboardUI.update(
            &state, .update(DashboardUpdate(market: Fixtures.market, metrics: metrics, cache: Fixtures.cache)))
        let text = render(state, theme: .default, size: state.size, now: Fixtures.now).snapshotText
        #expect(text.contains("429: held 1m30s"), "\(text)")
        #expect(text.contains("capped"))
        #expect(text.contains(">999d"))
    }

    @Test func sparklinesOfExtremeClosesDrawWithoutTrapping() {
        let glyphs = Sparkline([1e-300, 1.7e308, -1.7e308, 5, .nan, .infinity]).glyphs(width: 6)
        #expect(glyphs.count == 6)
    }
}
