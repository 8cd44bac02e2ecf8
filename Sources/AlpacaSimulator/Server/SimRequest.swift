import Foundation

/// A request as the simulator's routes see it: path segments, decoded query and headers.
struct SimRequest: Sendable {
    /// The method, such as `GET`.
    let method: String
    /// The path without the query, such as `/v2/stocks/snapshots`.
    let path: String
    /// Percent-decoded path segments.
    let segments: [String]
    /// Percent-decoded query parameters (the last value wins for repeated names).
    let query: [String: String]
    /// Request headers in arrival order.
    let headers: [(name: String, value: String)]
    /// The body (read only for `POST`, at most 16 KiB).
    var body: [UInt8] = []

    /// Parses a request target.
    init(method: String, target: String, headers: [(name: String, value: String)]) {
        self.method = method
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? "/"
        self.path = path
        self.segments = path.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        var query: [String: String] = [:]
        if parts.count > 1 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(kv[0]).removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).removingPercentEncoding ?? String(kv[1])) : ""
                query[name] = value
            }
        }
        self.query = query
        self.headers = headers
    }

    /// The value of a header, by case-insensitive name.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.last { $0.name.lowercased() == lowered }?.value
    }
}
