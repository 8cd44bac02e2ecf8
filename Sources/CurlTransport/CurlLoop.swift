internal import CCurl
import Foundation
import HTTPCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The owner of one `curl_multi` handle and the thread that drives it.
///
/// Invariant: only the loop thread touches `multi`, the easy handles and the transfers in
/// `active`, except `curl_multi_wakeup`, which libcurl allows from any thread. Other threads talk
/// to the loop only through `inbox` (a Mutex) and the atomics.
final class CurlLoop: @unchecked Sendable {
    private let configuration: CurlTransport.Configuration
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex<[CurlTransfer]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = Atomic<Bool>(false)
    let connectionsOpened = Atomic<Int>(0)

    // Loop-thread state.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []

    private static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    init(configuration: CurlTransport.Configuration) {
        _ = Self.globalInit
        self.configuration = configuration
        guard let m = curl_multi_init() else { fatalError("curl_multi_init failed") }
        multi = m
        _ = ccurl_multi_setopt_long(m, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxConnectionsPerHost)
        _ = ccurl_multi_setopt_long(m, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let thread = Thread { [self] in run() }
        thread.name = "curl-multi"
        thread.start()
    }

    /// Hands a transfer to the loop.
    func submit(_ transfer: CurlTransfer) {
        inbox.withLock { $0.append(transfer) }
        wake()
    }

    /// Wakes the loop from `curl_multi_poll`.
    func wake() { curl_multi_wakeup(multi) }

    /// Stops the loop; transfers still in flight fail with `cancelled`.
    func shutdown() {
        stopping.store(true, ordering: .releasing)
        wake()
    }

    private func run() {
        var running: Int32 = 0
        while !stopping.load(ordering: .acquiring) {
            for transfer in inbox.withLock({ list -> [CurlTransfer] in
                defer { list.removeAll(keepingCapacity: true) }
                return list
            }) {
                start(transfer)
            }
            cancelRequested()
            curl_multi_perform(multi, &running)
            drainMessages()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for transfer in inbox.withLock({ $0 }) {
            transfer.finish(.failure(HTTPError(.cancelled, "transport shut down")))
        }
        for (handle, transfer) in active {
            curl_multi_remove_handle(multi, handle)
            release(handle, transfer)
            transfer.finish(.failure(HTTPError(.cancelled, "transport shut down")))
        }
        for handle in idleHandles { curl_easy_cleanup(handle) }
        curl_multi_cleanup(multi)
        finished.store(true, ordering: .releasing)
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.cancelRequested.load(ordering: .acquiring) {
            transfer.finish(.failure(CancellationError()))
            return
        }
        let handle: UnsafeMutableRawPointer
        if let reused = idleHandles.popLast() {
            curl_easy_reset(reused)
            handle = reused
        } else if let fresh = curl_easy_init() {
            handle = fresh
        } else {
            transfer.finish(.failure(HTTPError(.other, "curl_easy_init failed")))
            return
        }
        var easy = EasyHandle(handle)
        configure(&easy, for: transfer)
        active[handle] = transfer
        if curl_multi_add_handle(multi, handle) != CURLM_OK {
            active[handle] = nil
            release(handle, transfer)
            transfer.finish(.failure(HTTPError(.other, "curl_multi_add_handle failed")))
        }
    }

    private func configure(_ easy: inout EasyHandle, for transfer: CurlTransfer) {
        let request = transfer.request
        easy.set(.url, request.url)
        easy.set(.noSignal, 1)
        easy.set(.followLocation, 0)
        easy.set(.sslVerifyPeer, 1)
        easy.set(.sslVerifyHost, 2)
        easy.set(.protocols, "http,https")
        // No proxy ever carries a request: an `http_proxy`/`HTTPS_PROXY` in the environment would
        // otherwise see the keys of a plain-http loopback request, and CONNECT metadata of the rest.
        easy.set(.proxy, "")
        easy.set(.noProxy, "*")
        easy.set(.httpVersion, Int(CURL_HTTP_VERSION_2TLS))
        // Waiting for a connection to reveal multiplexing only pays where HTTP/2 can be
        // negotiated (ALPN, so TLS only). Over plain http a second request would otherwise queue
        // behind a first whose response is slow, and time out without ever connecting.
        easy.set(.pipeWait, request.url.lowercased().hasPrefix("https://") ? 1 : 0)
        easy.set(.tcpKeepAlive, 1)
        easy.set(.acceptEncoding, "")
        easy.set(.connectTimeoutMilliseconds, Int(configuration.connectTimeout * 1000))
        easy.set(.timeoutMilliseconds, max(1, Int(request.timeout * 1000)))
        easy.set(.lowSpeedLimit, configuration.lowSpeedLimit)
        easy.set(.lowSpeedTime, configuration.lowSpeedTime)
        easy.set(.maxFileSize, Int64(request.maxResponseBytes))
        easy.set(.userAgent, configuration.userAgent)
        if request.method == .head { easy.set(.noBody, 1) } else { easy.set(.httpGet, 1) }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for header in request.headers {
            list = curl_slist_append(list, "\(header.name): \(header.value)")
        }
        transfer.headerList = list
        easy.setHeaders(list)
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        easy.setWriteCallback(context: context) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            let bytes = size * count
            if transfer.body.count + bytes > transfer.request.maxResponseBytes {
                transfer.tooLarge = true
                return 0
            }
            data.withMemoryRebound(to: UInt8.self, capacity: bytes) {
                transfer.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: bytes))
            }
            return bytes
        }
        easy.setHeaderCallback(context: context) { data, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            let bytes = size * count
            let line = data.withMemoryRebound(to: UInt8.self, capacity: bytes) {
                String(decoding: UnsafeBufferPointer(start: $0, count: bytes), as: UTF8.self)
            }
            transfer.receiveHeader(line)
            return bytes
        }
    }

    private func cancelRequested() {
        for (handle, transfer) in active where transfer.cancelRequested.load(ordering: .acquiring) {
            curl_multi_remove_handle(multi, handle)
            active[handle] = nil
            release(handle, transfer)
            transfer.finish(.failure(CancellationError()))
        }
    }

    private func drainMessages() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard ccurl_msg_is_done(message) != 0, let handle = ccurl_msg_easy(message),
                let transfer = active.removeValue(forKey: handle)
            else { continue }
            let code = ccurl_msg_result(message)
            curl_multi_remove_handle(multi, handle)
            let result = complete(handle, transfer, code)
            release(handle, transfer)
            transfer.finish(result)
        }
    }

    private func complete(
        _ handle: UnsafeMutableRawPointer, _ transfer: CurlTransfer, _ code: CURLcode
    )
        -> Result<HTTPResponse, any Error>
    {
        let easy = EasyHandle(handle)
        connectionsOpened.add(easy.longInfo(CURLINFO_NUM_CONNECTS), ordering: .relaxed)
        let seconds = Double(easy.offInfo(CURLINFO_TOTAL_TIME_T)) / 1e6
        guard code == CURLE_OK else {
            return .failure(Self.error(for: code, transfer: transfer, easy: easy))
        }
        let status = easy.longInfo(CURLINFO_RESPONSE_CODE)
        return .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, duration: seconds))
    }

    private func release(_ handle: UnsafeMutableRawPointer, _ transfer: CurlTransfer) {
        if let list = transfer.headerList { curl_slist_free_all(list) }
        transfer.headerList = nil
        if idleHandles.count < 16 { idleHandles.append(handle) } else { curl_easy_cleanup(handle) }
    }

    static func error(for code: CURLcode, transfer: CurlTransfer, easy: EasyHandle) -> HTTPError {
        let text = String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return HTTPError(.connectionFailed, text)
        case CURLE_OPERATION_TIMEDOUT:
            let connected = easy.offInfo(CURLINFO_CONNECT_TIME_T) > 0
            return connected
                ? HTTPError(.timeout, "no complete response within the deadline")
                : HTTPError(.connectTimeout, "connect timed out")
        case CURLE_WRITE_ERROR where transfer.tooLarge, CURLE_FILESIZE_EXCEEDED:
            return HTTPError(.responseTooLarge, "response larger than \(transfer.request.maxResponseBytes) bytes")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            return HTTPError(.connectionReset, text)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            return HTTPError(.tls, text)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return HTTPError(.invalidURL, text)
        default:
            return HTTPError(.other, text)
        }
    }
}
