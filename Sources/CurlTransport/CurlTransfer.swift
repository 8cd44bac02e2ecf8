internal import CCurl
import HTTPCore
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
    /// The text without leading and trailing spaces, tabs, CR and LF (compared by scalar, since
    /// `"\r\n"` is one `Character`).
    func trimmingWhitespace() -> String {
        var scalars = unicodeScalars[...]
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        while let f = scalars.first, blank(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, blank(l) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
