import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking HTTP/1.1 GET client over POSIX sockets, for tests only (no TLS, loopback).
///
/// Socket I/O runs on a dedicated thread so the cooperative pool, which also runs the server's
/// handlers, is never blocked.
enum LoopbackHTTP {
    /// A received response.
    struct Response: Sendable {
        /// The status code.
        var status: Int
        /// Headers with lower-cased names.
        var headers: [String: String]
        /// The body.
        var body: [UInt8]

        /// The body as UTF-8 text.
        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as JSON.
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
    }

    /// A failure to talk to the server.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    /// Sends `GET path` on a new connection (`Connection: close`) and reads the whole response.
    static func get(
        port: Int, _ path: String, headers: [(String, String)] = [], timeout: Double = 10
    ) async throws -> Response {
        try await onThread {
            let fd = try connect(port: port, timeout: timeout)
            defer { close(fd) }
            try send(fd, request(path, headers: headers, keepAlive: false))
            var reader = Reader(fd: fd)
            return try reader.readResponse(untilClose: true)
        }
    }

    /// Sends several GETs over one keep-alive connection, one after another.
    static func getKeepAlive(port: Int, _ paths: [String], headers: [(String, String)] = []) async throws -> [Response]
    {
        try await onThread {
            let fd = try connect(port: port, timeout: 10)
            defer { close(fd) }
            var reader = Reader(fd: fd)
            var responses: [Response] = []
            for path in paths {
                try send(fd, request(path, headers: headers, keepAlive: true))
                responses.append(try reader.readResponse(untilClose: false))
            }
            return responses
        }
    }

    private static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.start()
        }
    }

    private static func request(_ path: String, headers: [(String, String)], keepAlive: Bool) -> [UInt8] {
        var text = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        text += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    private static func connect(port: Int, timeout: Double) throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                    Darwin.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect failed")
        }
        return fd
    }

    private static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard sent > 0 else { throw Failure(description: "send failed") }
            offset += sent
        }
    }

    private struct Reader {
        let fd: Int32
        var buffer: [UInt8] = []

        init(fd: Int32) { self.fd = fd }

        /// Reads more bytes; false at end of stream.
        mutating func fill() throws -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw Failure(description: "read failed or timed out (errno \(errno))") }
            if count == 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }

        mutating func readLine() throws -> String {
            while true {
                if let index = buffer.firstIndex(of: 10) {
                    let line = buffer[0..<index]
                    buffer.removeFirst(index + 1)
                    return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                guard try fill() else { throw Failure(description: "connection closed in headers") }
            }
        }

        mutating func readBytes(_ count: Int) throws -> [UInt8] {
            while buffer.count < count {
                guard try fill() else { throw Failure(description: "connection closed in body") }
            }
            let bytes = Array(buffer[0..<count])
            buffer.removeFirst(count)
            return bytes
        }

        mutating func readResponse(untilClose: Bool) throws -> Response {
            let statusLine = try readLine()
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else {
                throw Failure(description: "bad status line: \(statusLine)")
            }
            var headers: [String: String] = [:]
            while true {
                let line = try readLine()
                if line.isEmpty { break }
                if let colon = line.firstIndex(of: ":") {
                    let name = line[..<colon].lowercased()
                    headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            var body: [UInt8] = []
            if let length = headers["content-length"].flatMap({ Int($0) }) {
                body = try readBytes(length)
            } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
                while true {
                    let size = Int(try readLine(), radix: 16) ?? 0
                    if size == 0 {
                        _ = try readLine()
                        break
                    }
                    body += try readBytes(size)
                    _ = try readLine()
                }
            } else if untilClose && status != 204 && status != 304 {
                while try fill() {}
                body = buffer
                buffer = []
            }
            return Response(status: status, headers: headers, body: body)
        }
    }
}
