public import CurlTransport

/// Transports for tests.
public enum SimulatedUpstreamTransport {
    /// A fresh libcurl transport.
    public static func curl() -> CurlTransport { CurlTransport() }
}
