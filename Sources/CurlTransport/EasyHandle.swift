internal import CCurl

/// A typed view of a `CURL*` easy handle: each option takes the C type libcurl expects.
///
/// Used only on the loop thread (see `CurlLoop`).
struct EasyHandle {
    /// Options that take a `long`.
    enum LongOption {
        case noSignal, followLocation, sslVerifyPeer, sslVerifyHost, httpVersion, pipeWait, tcpKeepAlive
        case connectTimeoutMilliseconds, timeoutMilliseconds, lowSpeedLimit, lowSpeedTime, noBody, httpGet

        var option: CURLoption {
            switch self {
            case .noSignal: CURLOPT_NOSIGNAL
            case .followLocation: CURLOPT_FOLLOWLOCATION
            case .sslVerifyPeer: CURLOPT_SSL_VERIFYPEER
            case .sslVerifyHost: CURLOPT_SSL_VERIFYHOST
            case .httpVersion: CURLOPT_HTTP_VERSION
            case .pipeWait: CURLOPT_PIPEWAIT
            case .tcpKeepAlive: CURLOPT_TCP_KEEPALIVE
            case .connectTimeoutMilliseconds: CURLOPT_CONNECTTIMEOUT_MS
            case .timeoutMilliseconds: CURLOPT_TIMEOUT_MS
            case .lowSpeedLimit: CURLOPT_LOW_SPEED_LIMIT
            case .lowSpeedTime: CURLOPT_LOW_SPEED_TIME
            case .noBody: CURLOPT_NOBODY
            case .httpGet: CURLOPT_HTTPGET
            }
        }
    }

    /// Options that take a string (copied by libcurl).
    enum StringOption {
        case url, protocols, acceptEncoding, userAgent, proxy, noProxy

        var option: CURLoption {
            switch self {
            case .url: CURLOPT_URL
            case .protocols: CURLOPT_PROTOCOLS_STR
            case .acceptEncoding: CURLOPT_ACCEPT_ENCODING
            case .userAgent: CURLOPT_USERAGENT
            case .proxy: CURLOPT_PROXY
            case .noProxy: CURLOPT_NOPROXY
            }
        }
    }

    /// Options that take a `curl_off_t`.
    enum OffsetOption {
        case maxFileSize

        var option: CURLoption {
            switch self {
            case .maxFileSize: CURLOPT_MAXFILESIZE_LARGE
            }
        }
    }

    typealias DataCallback =
        @convention(c) (
            UnsafeMutablePointer<CChar>, Int, Int, UnsafeMutableRawPointer?
        ) -> Int

    let raw: UnsafeMutableRawPointer

    init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    func set(_ option: LongOption, _ value: Int) { _ = ccurl_easy_setopt_long(raw, option.option, value) }
    func set(_ option: StringOption, _ value: String) { _ = ccurl_easy_setopt_string(raw, option.option, value) }
    func set(_ option: OffsetOption, _ value: Int64) {
        _ = ccurl_easy_setopt_off_t(raw, option.option, curl_off_t(value))
    }

    func setHeaders(_ list: UnsafeMutablePointer<curl_slist>?) {
        _ = ccurl_easy_setopt_slist(raw, CURLOPT_HTTPHEADER, list)
    }

    func setWriteCallback(context: UnsafeMutableRawPointer, _ callback: DataCallback) {
        _ = ccurl_easy_setopt_data_function(raw, CURLOPT_WRITEFUNCTION, callback)
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_WRITEDATA, context)
    }

    func setHeaderCallback(context: UnsafeMutableRawPointer, _ callback: DataCallback) {
        _ = ccurl_easy_setopt_data_function(raw, CURLOPT_HEADERFUNCTION, callback)
        _ = ccurl_easy_setopt_pointer(raw, CURLOPT_HEADERDATA, context)
    }

    func longInfo(_ info: CURLINFO) -> Int {
        var value = 0
        _ = ccurl_easy_getinfo_long(raw, info, &value)
        return value
    }

    func offInfo(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        _ = ccurl_easy_getinfo_off_t(raw, info, &value)
        return Int64(value)
    }
}
