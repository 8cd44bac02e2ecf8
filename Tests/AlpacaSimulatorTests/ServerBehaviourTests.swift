import AlpacaSimulator
import Foundation
import HTTPCore
import MarketModel
import Testing

/// The simulator over real HTTP: determinism, unknown symbols, errors, keys, limits, pagination.
struct ServerBehaviourTests {
    static let sequence = [
        "/v2/stocks/snapshots?symbols=AAPL,TSLA,F", "/v2/stocks/quotes/latest?symbols=SPY",
        "/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=5Min&start=2024-03-11&limit=50",
        "/v1beta1/options/snapshots/AAPL?limit=40", "/v2/options/contracts?underlying_symbols=AAPL",
        "/v2/clock", "/v2/calendar", "/v2/account", "/v2/positions", "/v2/orders", "/v2/assets",
    ]

    func bodies(seed: UInt64) async throws -> [[UInt8]] {
        var result: [[UInt8]] = []
        try await SimulatorHarness.with(SimulatorHarness.configuration(seed: seed)) { sim in
            for path in Self.sequence { result.append(try await sim.get(path).body) }
        }
        return result
    }

    @Test func sameSeedAndFixedClockGiveByteIdenticalBodies() async throws {
        let first = try await bodies(seed: 42)
        let second = try await bodies(seed: 42)
        let other = try await bodies(seed: 43)
        #expect(first == second)
        #expect(first[0] != other[0])
        #expect(first[3] != other[3])
    }

    @Test func unknownSymbolsAreNullInSnapshotsAndAbsentFromLatestMaps() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.unknownSymbols = ["ZZZZ"]
        try await SimulatorHarness.with(configuration) { sim in
            let snapshots = try await sim.get("/v2/stocks/snapshots?symbols=AAPL,ZZZZ")
            #expect(snapshots.status == 200)
            let body = try AnyJSON.parse(snapshots.body)
            #expect(body["ZZZZ"] == .null)
            #expect(body["AAPL"]?["latestQuote"] != nil)
            let quotes = try await sim.json("/v2/stocks/quotes/latest?symbols=AAPL,ZZZZ")
            #expect(Set(quotes["quotes"]!.members.keys) == ["AAPL"])
            let asset = try await sim.get("/v2/assets/ZZZZ")
            #expect(asset.status == 404)
            let chain = try await sim.json("/v1beta1/options/snapshots/ZZZZ")
            #expect(chain["snapshots"]?.members.isEmpty == true)
        }
    }

    @Test func badParametersGetAlpacaErrorBodies() async throws {
        try await SimulatorHarness.with { sim in
            let expectations: [(String, Int, Int?, String)] = [
                ("/v2/stocks/bars?symbols=AAPL&timeframe=7Fortnight", 422, 42_210_000, "invalid timeframe"),
                ("/v2/stocks/snapshots?symbols=AAPL,aa$pl", 400, 40_010_001, "invalid symbol: aa$pl"),
                ("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&limit=0", 400, 40_010_001, ""),
                ("/v2/stocks/bars?symbols=AAPL&timeframe=1Min&page_token=bm9wZQ==", 400, 40_010_001, ""),
                ("/v2/assets/not-a-symbol", 404, 40_410_000, "asset not found"),
                ("/v2/options/contracts/AAPL240315C00001000", 404, 40_410_000, ""),
                ("/v1beta1/options/snapshots/AAPL?limit=1001", 400, 40_010_001, ""),
                ("/v2/calendar?start=yesterday", 422, 40_010_001, "invalid start"),
                ("/v2/nothing/here", 404, 40_410_000, ""),
            ]
            for (path, status, code, message) in expectations {
                let response = try await sim.get(path)
                #expect(response.status == status, "\(path)")
                let body = try AnyJSON.parse(response.body)
                #expect(body["code"]?.number.map(Int.init) == code, "\(path)")
                if !message.isEmpty { #expect(body["message"]?.string == message, "\(path)") }
            }
        }
    }

    @Test func configuredKeysAreEnforcedWith401And403() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.keys = SimulatorKeys(id: "PKTEST", secret: "s3cret")
        try await SimulatorHarness.with(configuration) { sim in
            let trading = try await sim.get("/v2/account")
            #expect(trading.status == 401)
            #expect(try AnyJSON.parse(trading.body) == .object(["message": .string("unauthorized.")]))
            let data = try await sim.get("/v2/stocks/snapshots?symbols=AAPL", headers: [("APCA-API-KEY-ID", "PKTEST")])
            #expect(data.status == 403)
            #expect(try AnyJSON.parse(data.body) == .object(["message": .string("forbidden.")]))
            let good = [(name: "APCA-API-KEY-ID", value: "PKTEST"), (name: "APCA-API-SECRET-KEY", value: "s3cret")]
            #expect(try await sim.get("/v2/account", headers: good).status == 200)
            #expect(try await sim.get("/v2/stocks/snapshots?symbols=AAPL", headers: good).status == 200)
            #expect(try await sim.get("/_sim/stats").status == 200)
        }
    }

    @Test func rateLimitHeadersCountDownAndThen429() async throws {
        var configuration = SimulatorHarness.configuration()
        configuration.rateLimitPerMinute = 3
        try await SimulatorHarness.with(configuration) { sim in
            // The window is a wall-clock minute. Start well clear of its end so that all four
            // requests normally share one window; if a stall still carries one across, the
            // request in the new window must show a fresh count instead.
            let intoMinute = Timestamp.now().wholeSeconds % 60
            if intoMinute >= 50 { try await Task.sleep(for: .seconds(61 - intoMinute)) }
            var seen: [(remaining: String, reset: Int64)] = []
            var last: HTTPResponse?
            for _ in 0..<4 {
                let response = try await sim.get("/v2/clock")
                #expect(sim.header(response, "x-ratelimit-limit") == "3")
                #expect(response.requestID != nil)
                let reset = Int64(sim.header(response, "x-ratelimit-reset") ?? "") ?? 0
                #expect(reset % 60 == 0)
                #expect(reset > Timestamp.now().wholeSeconds - 1 && reset <= Timestamp.now().wholeSeconds + 61)
                seen.append((sim.header(response, "x-ratelimit-remaining") ?? "", reset))
                last = response
            }
            let limited = try #require(last)
            if Set(seen.map(\.reset)).count == 1 {
                #expect(seen.map(\.remaining) == ["2", "1", "0", "0"])
                #expect(limited.status == 429)
            } else {
                // A boundary fell between two requests: the first one after it starts a new count.
                let firstNew = try #require(seen.firstIndex { $0.reset != seen[0].reset })
                #expect(seen[firstNew].remaining == "2")
            }
            #expect(try await sim.get("/_sim/stats").status == 200)
        }
    }

    @Test func chainPagesCoverTheWholeChainOnce() async throws {
        try await SimulatorHarness.with { sim in
            let whole = try await sim.json("/v1beta1/options/snapshots/AAPL?limit=1000")
            #expect(whole["next_page_token"] == .null)
            let all = Set(whole["snapshots"]!.members.keys)
            #expect(all.count >= 6 * 20 * 2)
            var seen: [String] = []
            var token: String?
            repeat {
                let suffix = token.map { "&page_token=\($0)" } ?? ""
                let page = try await sim.json("/v1beta1/options/snapshots/AAPL?limit=77\(suffix)")
                seen += page["snapshots"]!.members.keys
                token = page["next_page_token"]?.string
            } while token != nil
            #expect(seen.count == all.count && Set(seen) == all)
            let puts = try await sim.json("/v1beta1/options/snapshots/AAPL?limit=1000&type=put&strike_price_gte=100")
            #expect(
                puts["snapshots"]!.members.keys.allSatisfy {
                    OCCSymbol($0)!.kind == .put && OCCSymbol($0)!.strike >= 100
                })
        }
    }

    @Test func barsPaginateAcrossSymbolsOverHTTP() async throws {
        try await SimulatorHarness.with { sim in
            let base = "/v2/stocks/bars?symbols=MSFT,AAPL&timeframe=15Min&start=2024-03-01"
            let whole = try await sim.json(base + "&limit=10000")
            var merged: [String: [AnyJSON]] = [:]
            var token: String?
            var pages = 0
            repeat {
                let page = try await sim.json(base + "&limit=100" + (token.map { "&page_token=\($0)" } ?? ""))
                let count = page["bars"]!.members.values.reduce(0) { $0 + $1.items.count }
                #expect(count <= 100)
                for (symbol, bars) in page["bars"]!.members { merged[symbol, default: []] += bars.items }
                token = page["next_page_token"]?.string
                pages += 1
            } while token != nil
            #expect(pages > 2)
            #expect(merged["AAPL"] == whole["bars"]!["AAPL"]!.items)
            #expect(merged["MSFT"] == whole["bars"]!["MSFT"]!.items)
        }
    }

    @Test func contractListingPaginatesWithOffsetsAndReportsOpenInterestAsStrings() async throws {
        try await SimulatorHarness.with { sim in
            let base = "/v2/options/contracts?underlying_symbols=AAPL,SPY&expiration_date_gte=2024-03-01"
            let whole = try await sim.json(base + "&limit=10000")
            let total = whole["option_contracts"]!.items.count
            #expect(total >= 2 * 6 * 20 * 2)
            let first = try await sim.json(base + "&limit=100")
            #expect(first["next_page_token"]?.string == "MTAw")
            #expect(first["option_contracts"]![0]!["open_interest"]?.string != nil)
            let defaults = try await sim.json("/v2/options/contracts?underlying_symbols=AAPL")
            #expect(defaults["option_contracts"]!.items.allSatisfy { $0["expiration_date"]?.string == "2024-03-15" })
        }
    }
}
