/// One kind of fault the simulator can inject.
///
/// Transport kinds act on a whole response; data kinds change one symbol's snapshot in the wire
/// shape (stock snapshots and option chains), so the client sees exactly what Alpaca could send.
public enum FaultKind: Sendable, Equatable {
    // MARK: Transport

    /// `latency:MS` (default 500): the response waits this long first.
    case latency(milliseconds: Int)
    /// `hang:S` (default 60): no headers for this long, then the normal response.
    case hang(seconds: Int)
    /// `drip:MS` (default 1000): the body goes out one byte every MS milliseconds.
    case drip(milliseconds: Int)
    /// `reset`: the connection closes after half the body (the declared length is the whole).
    case reset
    /// `truncate`: half the body, under a `Content-Length` that matches what is sent.
    case truncate
    /// `malformed`: the body is cut and ends in bytes no JSON parser accepts.
    case malformed
    /// `oversize:MB` (default 20): a valid JSON body of this many megabytes.
    case oversize(megabytes: Int)
    /// `status:CODE` (default 503): an Alpaca error with this status; 429 carries
    /// `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` and `Retry-After`.
    case status(code: Int)
    /// `ratelimit:S` (default 2): a 429 as Alpaca sends it, with `X-RateLimit-Remaining: 0` and
    /// `X-RateLimit-Reset` S seconds ahead, and no `Retry-After`.
    case rateLimit(seconds: Int)
    /// `retry-after:S` (default 2): a 429 with only `Retry-After: S`.
    case retryAfter(seconds: Int)
    /// `redirect:PORT`: a 302 to the same path on another loopback port.
    case redirect(port: Int)
    /// `hostile-error:CODE` (default 500): an Alpaca error of this status whose `message` is
    /// hostile text (escape sequences, C1, CR, BS, BiDi, zero-width, 10 kB).
    case hostileError(code: Int)

    // MARK: Data

    /// `null`: the symbol's entry is `null`.
    case null
    /// `missing`: the snapshot lacks `latestQuote`.
    case missing
    /// `renamed`: `latestQuote` arrives as `latest_quote` (schema drift).
    case renamed
    /// `mistyped`: the trade size is a boolean.
    case mistyped
    /// `string-number`: the bid is sent as a string.
    case stringNumber
    /// `crossed`: the bid above the ask.
    case crossed
    /// `no-quote`: bid and ask (and their sizes) are 0, Alpaca's "no quote on this side".
    case noQuote
    /// `locked`: the bid equal to the ask.
    case locked
    /// `zero`: the last trade at price 0.
    case zero
    /// `negative`: a negative bid.
    case negative
    /// `nan`: the ask is `"NaN"`.
    case nan
    /// `huge`: the ask is `1e400` (beyond Double).
    case huge
    /// `stale:S` (default 900): the quote and trade this many seconds old.
    case stale(seconds: Int)
    /// `future:S` (default 600): the quote and trade this many seconds ahead.
    case future(seconds: Int)
    /// `ancient`: the quote stamped with Go's zero time, `0001-01-01T00:00:00Z`.
    case ancient
    /// `far-future`: the quote stamped `9999-12-31T23:59:59Z`.
    case farFuture
    /// `out-of-order:S` (default 30): the quote stamped S seconds before the one served before it.
    case outOfOrder(seconds: Int)
    /// `hostile`: ESC/OSC/CSI, C1, CR, BS, BiDi and zero-width characters and a 10 kB run in the
    /// exchange codes and conditions.
    case hostile
    /// `bad-occ`: an option chain entry served under a key that is not an OCC symbol.
    case badOCC

    // MARK: Pages

    /// `endless-pages`: every option chain page says another one follows.
    case endlessPages
    /// `repeat-token`: an option chain page's `next_page_token` is the token it was asked with.
    case repeatToken

    // MARK: Stream messages

    /// `drop`: a stream message is not sent.
    case drop
    /// `duplicate`: a stream message is sent twice.
    case duplicate
    /// `reorder`: a stream message is held back and sent after the next one.
    case reorder
    /// `stall:S` (default 30): the stream sends no data for S seconds, its socket left open.
    case stall(seconds: Int)
    /// `disconnect`: the stream connection is closed without a close frame's reason.
    case disconnect

    /// What a kind acts on.
    public enum Target: Sendable, Equatable {
        /// A whole response.
        case response
        /// One symbol's value in a response.
        case value
        /// A paginated response's next-page token.
        case page
        /// One stream message (data kinds also act on a stream message's values).
        case message
    }

    /// What the kind acts on.
    public var target: Target {
        switch self {
        case .latency, .hang, .drip, .reset, .truncate, .malformed, .oversize, .status, .rateLimit, .retryAfter,
            .redirect, .hostileError:
            .response
        case .endlessPages, .repeatToken: .page
        case .drop, .duplicate, .reorder, .stall, .disconnect: .message
        default: .value
        }
    }

    /// Whether the kind acts on whole responses or their paging (else on a symbol's values).
    public var isTransport: Bool { target != .value }

    /// The kind's name in a spec, also its key in `/_sim/stats`.
    public var name: String {
        switch self {
        case .latency: "latency"
        case .hang: "hang"
        case .drip: "drip"
        case .reset: "reset"
        case .truncate: "truncate"
        case .malformed: "malformed"
        case .oversize: "oversize"
        case .status(let code): "status:\(code)"
        case .rateLimit: "ratelimit"
        case .retryAfter: "retry-after"
        case .redirect: "redirect"
        case .hostileError(let code): "hostile-error:\(code)"
        case .null: "null"
        case .missing: "missing"
        case .renamed: "renamed"
        case .mistyped: "mistyped"
        case .stringNumber: "string-number"
        case .crossed: "crossed"
        case .noQuote: "no-quote"
        case .locked: "locked"
        case .zero: "zero"
        case .negative: "negative"
        case .nan: "nan"
        case .huge: "huge"
        case .stale: "stale"
        case .future: "future"
        case .ancient: "ancient"
        case .farFuture: "far-future"
        case .outOfOrder: "out-of-order"
        case .hostile: "hostile"
        case .badOCC: "bad-occ"
        case .endlessPages: "endless-pages"
        case .repeatToken: "repeat-token"
        case .drop: "drop"
        case .duplicate: "duplicate"
        case .reorder: "reorder"
        case .stall: "stall"
        case .disconnect: "disconnect"
        }
    }

    /// The kind's parameter as written in a spec, if it takes one.
    var parameter: Int? {
        switch self {
        case .latency(let v), .hang(let v), .drip(let v), .oversize(let v), .redirect(let v), .stale(let v),
            .future(let v), .outOfOrder(let v), .rateLimit(let v), .retryAfter(let v), .stall(let v):
            v
        default: nil
        }
    }

    /// Parses `name[:param]`.
    static func parse(name: String, parameter: String?, item: String) throws(FaultSpecError) -> FaultKind {
        func number(_ allowed: ClosedRange<Int>, default value: Int) throws(FaultSpecError) -> Int {
            guard let parameter else { return value }
            guard let n = Int(parameter), allowed.contains(n) else {
                throw FaultSpecError(item: item, reason: "\(name) takes \(allowed.lowerBound)…\(allowed.upperBound)")
            }
            return n
        }
        func none() throws(FaultSpecError) {
            if parameter != nil { throw FaultSpecError(item: item, reason: "\(name) takes no parameter") }
        }
        switch name {
        case "latency": return .latency(milliseconds: try number(0...600_000, default: 500))
        case "hang": return .hang(seconds: try number(1...600, default: 60))
        case "drip": return .drip(milliseconds: try number(1...60_000, default: 1000))
        case "reset": try none(); return .reset
        case "truncate": try none(); return .truncate
        case "malformed": try none(); return .malformed
        case "oversize": return .oversize(megabytes: try number(1...200, default: 20))
        case "status":
            let code = try number(400...599, default: 503)
            guard [401, 403, 429, 500, 502, 503, 504].contains(code) else {
                throw FaultSpecError(item: item, reason: "status takes 401, 403, 429, 500, 502, 503 or 504")
            }
            return .status(code: code)
        case "ratelimit": return .rateLimit(seconds: try number(1...3600, default: 2))
        case "retry-after": return .retryAfter(seconds: try number(1...3600, default: 2))
        case "hostile-error":
            let code = try number(400...599, default: 500)
            return .hostileError(code: code)
        case "redirect":
            guard parameter != nil else { throw FaultSpecError(item: item, reason: "redirect needs a port") }
            return .redirect(port: try number(1...65_535, default: 1))
        case "null": try none(); return .null
        case "missing": try none(); return .missing
        case "renamed": try none(); return .renamed
        case "mistyped": try none(); return .mistyped
        case "string-number": try none(); return .stringNumber
        case "crossed": try none(); return .crossed
        case "no-quote": try none(); return .noQuote
        case "locked": try none(); return .locked
        case "zero": try none(); return .zero
        case "negative": try none(); return .negative
        case "nan": try none(); return .nan
        case "huge": try none(); return .huge
        case "stale": return .stale(seconds: try number(1...31_536_000, default: 900))
        case "future": return .future(seconds: try number(1...31_536_000, default: 600))
        case "ancient": try none(); return .ancient
        case "far-future": try none(); return .farFuture
        case "out-of-order": return .outOfOrder(seconds: try number(1...86_400, default: 30))
        case "hostile": try none(); return .hostile
        case "bad-occ": try none(); return .badOCC
        case "endless-pages": try none(); return .endlessPages
        case "repeat-token": try none(); return .repeatToken
        case "drop": try none(); return .drop
        case "duplicate": try none(); return .duplicate
        case "reorder": try none(); return .reorder
        case "stall": return .stall(seconds: try number(1...3600, default: 30))
        case "disconnect": try none(); return .disconnect
        default: throw FaultSpecError(item: item, reason: "unknown kind '\(name)' (see docs/reliability.md)")
        }
    }
}
