/// The scheme, host and port of an absolute URL, enough to enforce the loopback rule.
public struct URLParts: Sendable, Equatable {
    /// `http` or `https`, lower-cased.
    public var scheme: String
    /// The host without brackets, lower-cased.
    public var host: String
    /// The explicit port, if any.
    public var port: Int?

    /// Splits `scheme://host[:port]/...`; nil when the URL has no scheme or host.
    public init?(_ url: String) {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        scheme = url[..<colon].lowercased()
        var rest = url[url.index(colon, offsetBy: 3)...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close]).lowercased()
            let after = rest[rest.index(after: close)...]
            port = after.hasPrefix(":") ? Int(after.dropFirst()) : nil
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon]).lowercased()
            port = Int(rest[rest.index(after: colon)...])
        } else {
            host = String(rest).lowercased()
            port = nil
        }
        guard !host.isEmpty, scheme == "http" || scheme == "https" else { return nil }
    }

    /// Whether the host is a loopback address (`localhost`, 127.0.0.0/8, `::1`).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Whether the product may send credentials to this URL: any `https`, or `http` to loopback only.
    public var isAllowedUpstream: Bool { scheme == "https" || isLoopback }
}
