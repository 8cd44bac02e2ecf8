import AlpacaSimulator
import Foundation
import MarketModel
import Testing

struct SmokeTests {
    @Test func dumpsBodies() async throws {
        var configuration = SimulatorConfiguration()
        configuration.clock = .fixed(Timestamp(rfc3339: "2024-03-12T14:15:22.5Z")!)
        let server = try await SimulatorServer.start(configuration)
        var out = ""
        for path in [
            "/v2/stocks/snapshots?symbols=AAPL,TSLA", "/v2/stocks/AAPL/snapshot", "/v2/stocks/quotes/latest?symbols=AAPL",
            "/v2/stocks/trades/latest?symbols=AAPL", "/v2/stocks/bars/latest?symbols=AAPL",
            "/v2/stocks/bars?symbols=AAPL,TSLA&timeframe=1Day&start=2024-01-01&limit=3",
            "/v2/stocks/AAPL/bars?timeframe=1Hour&start=2024-03-11&limit=3",
            "/v1beta1/options/snapshots/AAPL?limit=2", "/v2/clock", "/v2/calendar?start=2024-03-08&end=2024-03-12",
            "/v2/account", "/v2/positions", "/v2/orders?status=all", "/v2/assets/AAPL", "/v2/assets/aapl",
            "/v2/options/contracts?underlying_symbols=AAPL&limit=2", "/v2/watchlists", "/_sim/stats",
            "/v2/stocks/bars?symbols=AAPL&timeframe=7Week",
        ] {
            let response = try await LoopbackHTTP.get(port: server.port, path)
            out += "== \(path) \(response.status) \(response.headers)\n\(response.text)\n"
        }
        try out.write(toFile: "/tmp/sim-smoke.txt", atomically: true, encoding: .utf8)
        await server.stop()
    }
}
