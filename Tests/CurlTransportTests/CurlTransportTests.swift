import AlpacaSimulator
import CurlTransport
import Foundation
import HTTPCore
import SimulatorTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The libcurl transport against the simulator over loopback HTTP.
@Suite(.timeLimit(.minutes(1)))
struct CurlTransportTests {
    @Test func reusesOneConnectionForManyRequests() async throws {
        try await SimulatedUpstream.with { upstream in
            for _ in 0..<25 {
                let response = try await upstream.transport.send(
                    HTTPRequest(url: upstream.server.baseURL + "/v2/clock"))
                #expect(response.status == 200)
                #expect(response.requestID != nil)
            }
            #expect(upstream.server.stats.connectionsAccepted == 1)
            #expect(upstream.server.stats.requests(to: "/v2/clock") == 25)
            #expect(upstream.transport.connectionsOpened == 1)
        }
    }

    @Test func surfacesRateLimitHeadersWithoutLineEnds() async throws {
        try await SimulatedUpstream.with { upstream in
            let response = try await upstream.transport.send(HTTPRequest(url: upstream.server.baseURL + "/v2/clock"))
            #expect(response.header("X-RateLimit-Limit") == "200")
            #expect(response.header("x-ratelimit-remaining").flatMap(Int.init) != nil)
            #expect(response.header("x-ratelimit-reset").flatMap(Int.init) != nil)
        }
    }

    @Test func abortsAtTheWholeRequestDeadline() async throws {
        try await SimulatedUpstream.with { upstream in
            let start = ContinuousClock.now
            await #expect(throws: HTTPError(.timeout, "no complete response within the deadline")) {
                _ = try await upstream.transport.send(
                    HTTPRequest(url: upstream.server.baseURL + "/_sim/test/hang", timeout: 0.5))
            }
            let elapsed = ContinuousClock.now - start
            // Never before the deadline; after it by no more than a loaded 2-core machine's
            // scheduling delay, and far sooner than the hang (60 s) would end on its own.
            #expect(elapsed >= .milliseconds(450) && elapsed < .seconds(20))
        }
    }

    @Test func abortsASlowDripAtTheDeadline() async throws {
        _ = try await SimulatedUpstream.with { upstream in
            await #expect(throws: HTTPError.self) {
                _ = try await upstream.transport.send(
                    HTTPRequest(
                        url: upstream.server.baseURL + "/_sim/test/drip?bytes=100&interval_ms=200", timeout: 0.6))
            }
        }
    }

    @Test func cancellationResumesOnceAndLeavesTheTransportUsable() async throws {
        try await SimulatedUpstream.with { upstream in
            for _ in 0..<5 {
                let task = Task {
                    try await upstream.transport.send(
                        HTTPRequest(url: upstream.server.baseURL + "/_sim/test/hang", timeout: 60))
                }
                try await Task.sleep(for: .milliseconds(100))
                let start = ContinuousClock.now
                task.cancel()
                await #expect(throws: CancellationError.self) { _ = try await task.value }
                // Far sooner than the hang or the deadline (60 s each), even on a loaded machine.
                #expect(ContinuousClock.now - start < .seconds(20))
            }
            // Cancelled before it was sent.
            let early = Task {
                try await Task.sleep(for: .milliseconds(50))
                return try await upstream.transport.send(HTTPRequest(url: upstream.server.baseURL + "/v2/clock"))
            }
            early.cancel()
            await #expect(throws: CancellationError.self) { _ = try await early.value }
            let response = try await upstream.transport.send(HTTPRequest(url: upstream.server.baseURL + "/v2/clock"))
            #expect(response.status == 200)
        }
    }

    @Test func enforcesTheResponseSizeCap() async throws {
        try await SimulatedUpstream.with { upstream in
            let ok = try await upstream.transport.send(
                HTTPRequest(url: upstream.server.baseURL + "/_sim/test/bytes?n=1000", maxResponseBytes: 1000))
            #expect(ok.body.count == 1000)
            await #expect(throws: HTTPError.self) {
                do {
                    _ = try await upstream.transport.send(
                        HTTPRequest(url: upstream.server.baseURL + "/_sim/test/bytes?n=1001", maxResponseBytes: 1000))
                } catch let error as HTTPError {
                    #expect(error.kind == .responseTooLarge)
                    throw error
                }
            }
        }
    }

    @Test func neverFollowsRedirects() async throws {
        try await SimulatedUpstream.with { upstream in
            let target = upstream.server.baseURL + "/v2/account"
            let response = try await upstream.transport.send(
                HTTPRequest(
                    url: upstream.server.baseURL + "/_sim/test/redirect?to=" + target,
                    headers: [("APCA-API-KEY-ID", "k")]))
            #expect(response.status == 302)
            #expect(response.header("location") == target)
            #expect(upstream.server.stats.requests(to: "/v2/account") == 0)
        }
    }

    @Test func refusesPlainHTTPToOtherHosts() async throws {
        let transport = CurlTransport()
        await #expect(throws: HTTPError.self) {
            _ = try await transport.send(HTTPRequest(url: "http://data.alpaca.markets/v2/clock"))
        }
        await #expect(throws: HTTPError.self) { _ = try await transport.send(HTTPRequest(url: "ftp://127.0.0.1/x")) }
    }

    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let port = try Self.closedPort()
        await #expect(throws: HTTPError.self) {
            do {
                _ = try await CurlTransport().send(HTTPRequest(url: "http://127.0.0.1:\(port)/v2/clock"))
            } catch let error as HTTPError {
                #expect(error.kind == .connectionFailed)
                #expect(error.isRetryable)
                throw error
            }
        }
    }

    @Test func connectTimeoutWhenTheListenQueueIsFull() async throws {
        // A socket that listens with a full accept queue: Linux drops further SYNs, so the
        // handshake never completes and only the connect timeout ends the attempt.
        let (fd, port) = try Self.listener(backlog: 0)
        defer { close(fd) }
        var fillers: [Int32] = []
        defer { fillers.forEach { close($0) } }
        for _ in 0..<4 { fillers.append(Self.connectNonBlocking(port: port)) }
        try await Task.sleep(for: .milliseconds(100))
        var configuration = CurlTransport.Configuration()
        configuration.connectTimeout = 0.5
        let start = ContinuousClock.now
        await #expect(throws: HTTPError.self) {
            do {
                _ = try await CurlTransport(configuration: configuration)
                    .send(HTTPRequest(url: "http://127.0.0.1:\(port)/", timeout: 30))
            } catch let error as HTTPError {
                #expect(error.kind == .connectTimeout)
                throw error
            }
        }
        // Far sooner than the 30 s deadline; loose, because a loaded test process can delay the
        // continuation by seconds (3.5 s seen against an earlier 3 s bound).
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    // MARK: - Raw sockets for the connect-level cases

    static func listener(backlog: Int32) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, backlog) == 0 else { throw HTTPError(.other, "listen failed") }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func closedPort() throws -> Int {
        let (fd, port) = try listener(backlog: 1)
        close(fd)
        return port
    }

    static func connectNonBlocking(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return fd
    }
}
