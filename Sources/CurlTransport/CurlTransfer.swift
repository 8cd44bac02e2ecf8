internal import CCurl
public import HTTPCore
import Synchronization

/// One request in flight.
///
/// Invariant: the submitting task writes `continuation` before handing the transfer to the loop
/// (through the loop's Mutex-guarded inbox, which orders the write); after that only the loop
/// thread reads or writes any stored property except `cancelRequested`, which is atomic.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    let cancelRequested = Atomic<Bool>(false)

    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var tooLarge = false
    var headerList: UnsafeMutablePointer<curl_slist>?

    init(request: HTTPRequest) { self.request = request }

    /// Resumes the continuation; safe to call more than once (only the first call resumes).
    func finish(_ result: Result<HTTPResponse, any Error>) {
        guard let continuation else { return }
        self.continuation = nil
        continuation.resume(with: result)
    }

    /// Handles one header line from libcurl.
    func receiveHeader(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingWhitespace()
        headers[name] = value
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}
