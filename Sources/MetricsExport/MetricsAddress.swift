/// Where `--metrics-addr` listens: `PORT` (on 127.0.0.1), `HOST:PORT` or `[IPv6]:PORT`.
public struct MetricsAddress: Sendable, Equatable, CustomStringConvertible {
    /// The host to bind.
    public var host: String
    /// The port (0: any free port).
    public var port: Int

    /// Parses the option's text.
    /// - Throws: `MetricsAddressError` naming what is wrong.
    public init(_ text: String) throws(MetricsAddressError) {
        var host = "127.0.0.1"
        var portText = Substring(text)
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw MetricsAddressError(text: text, reason: "write an IPv6 address as [ADDRESS]:PORT")
            }
            host = String(text[text.index(after: text.startIndex)..<close])
            portText = text[text.index(close, offsetBy: 2)...]
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard text.utf8.count <= 300, !host.isEmpty,
            host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "@") })
        else { throw MetricsAddressError(text: text, reason: "not a host name or address") }
        guard portText.utf8.count <= 5, portText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let port = Int(portText), (0...65_535).contains(port)
        else { throw MetricsAddressError(text: text, reason: "the port must be 0–65535") }
        self.host = host
        self.port = port
    }

    /// `HOST:PORT`.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A `--metrics-addr` value that cannot be used.
public struct MetricsAddressError: Error, Sendable, CustomStringConvertible {
    /// The option's text (cut to 64 characters).
    public var text: String
    /// Why.
    public var reason: String

    /// The message.
    public var description: String { "--metrics-addr \(text.prefix(64)): \(reason)" }
}
