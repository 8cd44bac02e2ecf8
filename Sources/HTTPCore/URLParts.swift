/// The scheme, host and port of an absolute URL, enough to enforce the loopback rule.
///
/// Deliberately strict: the authority may hold only letters, digits, `.`, `-`, `:` and an IPv6
/// literal in brackets. User info (`user@host`), percent-escapes, backslashes and anything else a
/// URL parser might read differently from libcurl are refused, so the host this type sees is the
/// host libcurl connects to.
public struct URLParts: Sendable, Equatable {
    /// `http` or `https`, lower-cased.
    public var scheme: String
    /// The host without brackets, lower-cased.
    public var host: String
    /// The explicit port, if any.
    public var port: Int?

    /// Splits `scheme://host[:port]/...`; nil when the URL has no scheme or host, or its authority
    /// holds anything but a host name, an IP literal and a port of 1–65535.
    public init?(_ url: String) {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else { return nil }
        scheme = url[..<colon].lowercased()
        var rest = url[url.index(colon, offsetBy: 3)...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        let portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            let literal = rest[rest.index(after: rest.startIndex)..<close]
            guard literal.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            host = String(literal).lowercased()
            let after = rest[rest.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else {
            guard
                rest.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == ":" })
            else { return nil }
            if let colon = rest.firstIndex(of: ":") {
                host = String(rest[..<colon]).lowercased()
                portText = rest[rest.index(after: colon)...]
            } else {
                host = String(rest).lowercased()
                portText = nil
            }
        }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(portText), (1...65_535).contains(value)
            else { return nil }
            port = value
        } else {
            port = nil
        }
        guard !host.isEmpty, scheme == "http" || scheme == "https" else { return nil }
    }

    /// Whether the host is a loopback address.
    ///
    /// That is `localhost`, an IPv4 literal in 127.0.0.0/8 in canonical dotted-quad form, or `::1`;
    /// a name that merely starts with `127.` is not.
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" || Self.isLoopbackIPv4(host)
    }

    /// Whether the product may send credentials to this URL: any `https`, or `http` to loopback only.
    public var isAllowedUpstream: Bool { scheme == "https" || isLoopback }

    /// `127.a.b.c` with four decimal octets of 0–255 and no leading zeros.
    static func isLoopbackIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }),
                octet == "0" || !octet.hasPrefix("0"), let value = Int(octet), value <= 255
            else { return false }
        }
        return octets[0] == "127"
    }
}
