import AlpacaAPI
import CurlTransport
import Foundation
import MarketMetrics
import MarketModel
import Pipeline

/// `alpaca-dash doctor`'s upstream checks: keys, feed entitlements, clock skew, latency and the
/// rate-limit budget, each probed with one real request.
struct Doctor {
    /// The connection under test.
    let connection: UpstreamConnection
    /// The feed the user asked for (`--feed`).
    let stockFeed: String
    /// How far ahead a timestamp may be before V008 rejects it.
    let skewTolerance: Double
    /// This machine's clock.
    var now: @Sendable () -> Timestamp = { Timestamp.now() }

    /// A latency above this is a WARN.
    static let slowSeconds = 0.5

    /// Runs every upstream check, in order.
    func run() async -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let clockProbe = await timed { try await connection.client.clock() }
        let keys = await keysCheck()
        checks.append(keys)
        checks.append(skewCheck(clockProbe))
        let stock = await feedProbe(stock: true)
        checks.append(stock.check)
        checks.append(await feedProbe(stock: false).check)
        // The first request also pays for the connection: latency is the best of three round trips.
        let trading = await best(clockProbe) { try await connection.client.clock() }
        let data = await best(stock.probe) { try await connection.client.latestStockQuotes(["SPY"]) }
        checks.append(latencyCheck("trading host", connection.client.configuration.hosts.trading, trading))
        checks.append(latencyCheck("data host", connection.client.configuration.hosts.data, data))
        checks.append(
            DoctorCheck(
                name: "stream host", status: .skip,
                detail: "not used: this version polls REST and opens no stream", fix: nil))
        checks.append(rateLimitCheck())
        return checks
    }

    /// The outcome of one request and how long it took.
    struct Probe<Value: Sendable>: Sendable {
        var result: Result<Value, AlpacaError>
        var start: Timestamp
        var end: Timestamp

        var seconds: Double { end.seconds(since: start) }
    }

    /// The fastest of `first` and two more answered requests.
    private func best<Value: Sendable, Other: Sendable>(
        _ first: Probe<Value>, _ body: () async throws -> Other
    ) async -> Probe<Value> {
        var fastest = first
        for _ in 0..<2 {
            let again = await timed(body)
            if case .success = again.result, again.seconds < fastest.seconds {
                fastest.start = again.start
                fastest.end = again.end
            }
        }
        return fastest
    }

    private func timed<Value: Sendable>(_ body: () async throws -> Value) async -> Probe<Value> {
        let start = now()
        let result: Result<Value, AlpacaError>
        do {
            result = .success(try await body())
        } catch let error as AlpacaError {
            result = .failure(error)
        } catch {
            result = .failure(AlpacaError(kind: .transport, message: "\(error)", endpoint: ""))
        }
        return Probe(result: result, start: start, end: now())
    }

    /// The account endpoint answers with these keys.
    private func keysCheck() async -> DoctorCheck {
        let simulated = connection.simulator != nil
        let hasKeys = connection.client.configuration.credentials != nil
        let probe = await timed { try await connection.client.account() }
        switch probe.result {
        case .success(let account):
            let who = simulated ? "the built-in simulator needs none" : hasKeys ? "accepted" : "none needed here"
            return DoctorCheck(
                name: "keys", status: .ok, detail: "\(who) (account \(account.status))", fix: nil)
        case .failure(let error) where error.isUnauthorized:
            let detail =
                hasKeys
                ? "rejected by the trading host (HTTP \(error.httpStatus ?? 0))"
                : "the trading host wants keys and none are set (HTTP \(error.httpStatus ?? 0))"
            let fix =
                hasKeys
                ? "check APCA_API_KEY_ID and APCA_API_SECRET_KEY; paper keys need the paper host (APCA_API_BASE_URL)"
                : "export APCA_API_KEY_ID and APCA_API_SECRET_KEY, or pass --demo for the simulator"
            return DoctorCheck(name: "keys", status: .fail, detail: detail, fix: fix)
        case .failure(let error):
            return DoctorCheck(
                name: "keys", status: .fail, detail: "account check failed: \(error.description)",
                fix: "check the network and APCA_API_BASE_URL / --trading-url")
        }
    }

    /// The server's clock against this machine's, from `/v2/clock`'s timestamp at the request's midpoint.
    ///
    /// The clock endpoint's timestamp has nanoseconds where the `Date` header has whole seconds,
    /// and it is the clock that decides the session; half the round trip is the error bar.
    private func skewCheck(_ probe: Probe<WireClock>) -> DoctorCheck {
        guard case .success(let clock) = probe.result else {
            return DoctorCheck(
                name: "clock skew", status: .warn, detail: "not measured: the clock endpoint failed",
                fix: "fix the keys or trading-host check first")
        }
        let midpoint = probe.start.adding(seconds: probe.seconds / 2)
        let skew = clock.timestamp.seconds(since: midpoint)
        let bar = probe.seconds / 2
        if abs(skew) - bar <= 1 {
            let shown = String(format: "%+.3f s ± %.3f s", skew, bar)
            return DoctorCheck(name: "clock skew", status: .ok, detail: "server \(shown)", fix: nil)
        }
        // The pipeline ages data by this machine's clock, so a server ahead stamps data in the future.
        let shown = String(format: "%.3f s ± %.3f s", abs(skew), bar)
        let seconds = Checked.wholeText(abs(skew))
        let (direction, effect) =
            skew > 0
            ? ("ahead of", "fresh data looks \(seconds) s in the future")
            : ("behind", "fresh data looks \(seconds) s older than it is")
        let tolerance = Checked.wholeText(skewTolerance)
        if abs(skew) - bar <= skewTolerance {
            return DoctorCheck(
                name: "clock skew", status: .warn,
                detail: "the server is \(shown) \(direction) this machine: \(effect)",
                fix: "sync this machine's clock (timedatectl set-ntp true or chrony)")
        }
        return DoctorCheck(
            name: "clock skew", status: .fail,
            detail:
                "the server is \(shown) \(direction) this machine, past the \(tolerance) s tolerance: \(effect)"
                + (skew > 0 ? ", and V008 rejects it" : ", and V009 calls it stale sooner"),
            fix: "sync this machine's clock (timedatectl set-ntp true or chrony)")
    }

    /// Probes the premium feed (SIP, or OPRA for options) with a latest request.
    private func feedProbe(stock: Bool) async -> (check: DoctorCheck, probe: Probe<BatchResult<WireQuote>>) {
        var configuration = connection.client.configuration
        configuration.retry.maxAttempts = 1
        if stock { configuration.stockFeed = "sip" } else { configuration.optionsFeed = "opra" }
        let client = AlpacaClient(
            configuration: configuration, transport: CurlTransport(),
            observer: UpstreamObserver(metrics: connection.metrics, audit: nil))
        var probe = await timed {
            stock
                ? try await client.latestStockQuotes(["SPY"])
                : try await client.latestOptionQuotes(["SPY261218C00600000"])
        }
        // A batch reports a refused chunk per symbol rather than throwing.
        if case .success(let batch) = probe.result, let failure = batch.failures.values.first {
            probe.result = .failure(failure)
        }
        let name = stock ? "stock feed" : "options feed"
        switch probe.result {
        case .success:
            let detail =
                stock ? "SIP: every US exchange (consolidated volumes)" : "OPRA: the official options feed"
            return (DoctorCheck(name: name, status: .ok, detail: detail, fix: nil), probe)
        case .failure(let error) where error.httpStatus == 403 || error.httpStatus == 409:
            if stock {
                let asked = stockFeed == "sip"
                return (
                    DoctorCheck(
                        name: name, status: asked ? .fail : .warn,
                        detail:
                            "IEX only: these keys cannot read SIP (HTTP \(error.httpStatus ?? 0)); "
                            + "IEX volumes are a small share of the consolidated ones",
                        fix: asked
                            ? "drop --feed sip (use --feed iex), or subscribe to Algo Trader Plus for SIP"
                            : "none needed for --feed iex; Algo Trader Plus unlocks SIP"),
                    probe
                )
            }
            return (
                DoctorCheck(
                    name: name, status: .warn,
                    detail: "indicative only: these keys cannot read OPRA (HTTP \(error.httpStatus ?? 0)); "
                        + "option quotes are modified and trades delayed",
                    fix: "none needed for --options-feed indicative; an OPRA subscription unlocks real-time options"),
                probe
            )
        case .failure(let error):
            return (
                DoctorCheck(
                    name: name, status: .fail, detail: "probe failed: \(error.description)",
                    fix: "check the network and APCA_API_DATA_URL / --data-url"),
                probe
            )
        }
    }

    private func latencyCheck<Value>(_ name: String, _ host: String, _ probe: Probe<Value>) -> DoctorCheck {
        let milliseconds = Checked.wholeText(probe.seconds * 1000)
        if case .failure(let error) = probe.result, error.isUnreachable {
            return DoctorCheck(
                name: name, status: .fail, detail: "\(host) unreachable: \(error.message)",
                fix: "check the network, a proxy or the host URL")
        }
        if probe.seconds > Self.slowSeconds {
            return DoctorCheck(
                name: name, status: .warn, detail: "\(host) answered in \(milliseconds) ms (slow)",
                fix: "a slow network: raise --refresh, or run closer to the host")
        }
        return DoctorCheck(name: name, status: .ok, detail: "\(host) answered in \(milliseconds) ms", fix: nil)
    }

    /// What the last response's rate-limit headers left.
    private func rateLimitCheck() -> DoctorCheck {
        guard let rate = connection.metrics.snapshot().rateLimit else {
            return DoctorCheck(
                name: "rate limit", status: .warn, detail: "no X-RateLimit headers came back",
                fix: "nothing to do unless 429s follow; the client then waits for the reset")
        }
        let detail = "\(rate.remaining) of \(rate.limit) requests left in this minute"
        if rate.limit > 0 && rate.remaining * 10 < rate.limit {
            return DoctorCheck(
                name: "rate limit", status: .warn, detail: detail + " (under 10%)",
                fix: "another program is using these keys: stop it or raise --refresh")
        }
        return DoctorCheck(name: "rate limit", status: .ok, detail: detail, fix: nil)
    }
}
