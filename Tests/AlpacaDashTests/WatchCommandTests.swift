import AlpacaSimulator
import AlpacaStream
import FaultInjection
import Foundation
import SimulatorTestSupport
import Testing

/// `alpaca-dash watch` through the real binary against an in-process simulator's stream.
@Suite struct WatchCommandTests {
    static func simulator(_ change: (inout SimulatorConfiguration) -> Void = { _ in }) async throws -> SimulatorServer {
        var configuration = SimulatorConfiguration()
        configuration.market = .open
        configuration.clock = .system
        change(&configuration)
        return try await SimulatorServer.start(configuration)
    }

    static func arguments(_ server: SimulatorServer) -> [String] {
        ["--data-url", server.baseURL, "--trading-url", server.baseURL]
    }

    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// `--count N` prints N validated updates, each with the seed's fields, its `T` and
    /// `"source":"stream"`, then exits 0.
    @Test func countPrintsThatManyValidatedStreamLines() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let output = try await BinaryRunner.run(
            ["watch", "AAPL", "MSFT", "--json", "--count", "6"] + Self.arguments(server))
        #expect(output.status == 0, "\(output.stderr)")
        let lines = Self.lines(output.stdout)
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0["error"] == nil }, "\(output.stdout)")
        for line in lines {
            #expect(["q", "t"].contains(line["T"] as? String))
            #expect(line["source"] as? String == "stream")
            #expect(["AAPL", "MSFT"].contains(line["symbol"] as? String))
            #expect(line["bid_price"] is Double && line["data_quality_score"] is Int)
        }
        #expect(server.stats.streamConnections == 1)
    }

    /// A bad symbol's messages print error lines with their rule id; the good one's still print.
    @Test func rejectionsPrintTheirRuleAndTheStreamStaysUp() async throws {
        let server = try await Self.simulator { $0.faults = try? FaultSpec.parse("crossed=MSFT") }
        defer { Task { await server.stop() } }
        let output = try await BinaryRunner.run(
            ["watch", "AAPL", "MSFT", "--json", "--count", "4"] + Self.arguments(server))
        #expect(output.status == 0, "\(output.stderr)")
        let lines = Self.lines(output.stdout)
        let errors = lines.filter { $0["error"] != nil }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(error["symbol"] as? String == "MSFT" && error["T"] as? String == "q")
            #expect((error["error"] as? [String: Any])?["rule"] as? String == "V003")
        }
        // MSFT's trades are fine on their own; none of its (crossed) quotes got through.
        let valid = lines.filter { $0["error"] == nil }
        #expect(!valid.contains { $0["symbol"] as? String == "MSFT" && $0["T"] as? String == "q" })
        #expect(valid.count == 4)
    }

    /// No stream to be had (another session holds the connection: 406): exit 4, saying why.
    @Test func noStreamExits4() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        try await StreamProbe.with(url: "ws://127.0.0.1:\(server.port)/v2/iex") { holder in
            try await holder.send(.auth(key: "", secret: ""))
            try await holder.wait { $0 == .success("authenticated") }
            let output = try await BinaryRunner.run(["watch", "AAPL", "--json"] + Self.arguments(server))
            #expect(output.status == 4)
            #expect(output.stderr.contains("406"))
        }
    }

    /// SIGINT ends it with 130.
    @Test func sigintExits130() async throws {
        let server = try await Self.simulator()
        defer { Task { await server.stop() } }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        let process = Process()
                        process.executableURL = BinaryRunner.executable
                        process.arguments = ["watch", "AAPL", "--json"] + Self.arguments(server)
                        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
                        let out = Pipe()
                        process.standardOutput = out
                        process.standardInput = FileHandle.nullDevice
                        try process.run()
                        // The first line means the stream is up and the handler installed.
                        var seen = Data()
                        while !seen.contains(UInt8(ascii: "\n")) {
                            let chunk = out.fileHandleForReading.availableData
                            if chunk.isEmpty { break }
                            seen.append(chunk)
                        }
                        kill(process.processIdentifier, SIGINT)
                        process.waitUntilExit()
                        return process.terminationStatus
                    })
            }
        }
        #expect(status == 130)
    }
}
