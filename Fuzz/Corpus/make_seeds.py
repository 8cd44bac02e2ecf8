#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/Corpus/<target>/ (run from anywhere; idempotent).

Seeds come from the official Alpaca example bodies in shared/alpaca-examples (when that folder
is beside the repository) and from hand-written bodies dated at the fuzz targets' fixed `now`
(2024-03-15T14:30:00Z), so that some seeds pass every pipeline stage. Keep each corpus small.
"""
import json, os, struct, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = None
for candidate in [os.path.join(HERE, "..", "..", "..", "shared", "alpaca-examples"), "/work/shared/alpaca-examples"]:
    if os.path.isdir(candidate):
        EXAMPLES = candidate
        break


def write(target, name, data):
    folder = os.path.join(HERE, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def example(name):
    if EXAMPLES is None:
        return None
    path = os.path.join(EXAMPLES, name)
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


NOW = "2024-03-15T14:29:58Z"


def stock(last=187.25, bid=187.2, ask=187.3, prev=185.5, t=NOW, volume=52345678):
    return {
        "latestTrade": {"t": t, "x": "V", "p": last, "s": 100, "c": ["@"], "i": 52983525029461, "z": "C"},
        "latestQuote": {"t": t, "ax": "V", "ap": ask, "as": 2, "bx": "V", "bp": bid, "bs": 3, "c": ["R"], "z": "C"},
        "minuteBar": {"t": "2024-03-15T14:29:00Z", "o": 187.1, "h": 187.3, "l": 187.0, "c": last, "v": 12000,
                      "n": 120, "vw": 187.2},
        "dailyBar": {"t": "2024-03-15T04:00:00Z", "o": 186.0, "h": 188.0, "l": 185.5, "c": last, "v": volume,
                     "n": 515139, "vw": 186.9},
        "prevDailyBar": {"t": "2024-03-14T04:00:00Z", "o": 185.0, "h": 186.0, "l": 184.0, "c": prev, "v": 50000000},
    }


def snapshots():
    t = "fuzz-snapshots"
    for name in ["stocks_snapshots_multi_AAPL_TSLA.json", "stocks_snapshot_single_AAPL.json"]:
        data = example(name)
        if data:
            write(t, "example-" + name, data)
    write(t, "fresh-two", compact({"AAPL": stock(), "MSFT": stock(412.1, 412.0, 412.3, 415.0)}))
    write(t, "null-and-missing", compact({"AAPL": stock(), "ZZZZ": None, "SPY": {}}))
    write(t, "crossed", compact({"AAPL": stock(bid=190.0, ask=187.3)}))
    write(t, "nan-string", '{"AAPL":{"latestQuote":{"t":"%s","bp":"NaN","ap":1.1,"bs":1,"as":1}}}' % NOW)
    write(t, "huge-number", '{"AAPL":{"latestTrade":{"t":"%s","p":1e400,"s":1}}}' % NOW)
    write(t, "numeric-strings", '{"AAPL":{"latestTrade":{"t":"%s","p":"0x1p7","s":"12"},"latestQuote":'
          '{"t":"%s","bp":"187.2","ap":"inf","bs":"3","as":"2"}}}' % (NOW, NOW))
    write(t, "tiny-prev-close", compact({"AAPL": stock(prev=1e-300)}))
    write(t, "huge-sizes", '{"AAPL":{"latestTrade":{"t":"%s","p":10,"s":9223372036854775807},'
          '"dailyBar":{"t":"2024-03-15T04:00:00Z","o":10,"h":10,"l":10,"c":10,"v":-1}}}' % NOW)
    write(t, "escape-keys", '{"\\u001b[2J":%s,"A\\u202eB":%s,"\\ud83d\\ude00":null,"AAPL\\u0000":{}}'
          % (compact(stock()), compact(stock())))
    write(t, "future-and-old", compact({"AAPL": stock(t="2024-03-15T15:30:00Z"), "MSFT": stock(t="1999-01-01T00:00:00Z"),
                                        "TSLA": stock(t="1677-09-21T00:12:44Z"), "NVDA": stock(t="2262-04-11T23:47:16Z")}))
    write(t, "lowercase-and-offsets", compact({"AAPL": stock(t="2024-03-15t10:29:58.123456789-04:00"),
                                               "MSFT": stock(t="2024-03-15 14:29:58z")}))
    write(t, "conditions-string", '{"AAPL":{"latestTrade":{"t":"%s","p":187.25,"s":100,"c":"@"}}}' % NOW)
    write(t, "bad-daily-bar", compact({"AAPL": dict(stock(), dailyBar={"t": "2024-03-15T04:00:00Z", "o": 9, "h": 11,
                                                                       "l": 9.5, "c": 10, "v": 100})}))
    write(t, "deep-noise", '{"AAPL":{"x":[[[[[[[[{"y":null}]]]]]]]],"latestTrade":{"t":"%s","p":187.25}}}' % NOW)
    many = {("S%d" % i if i % 3 else "AB" + chr(65 + i)): {"latestTrade": {"t": NOW, "p": 100 + i, "s": 1},
            "latestQuote": {"t": NOW, "bp": 99.9 + i, "ap": 100.1 + i}} for i in range(24)}
    write(t, "many-symbols", compact(many))


def chain():
    t = "fuzz-chain"
    for name in ["option_chain_page1.json", "option_snapshots.json"]:
        data = example(name)
        if data:
            write(t, "example-" + name, data)

    def option(bid, ask, delta, iv=0.3, t=NOW, greeks=True):
        o = {"latestQuote": {"t": t, "ap": ask, "as": 5, "ax": "C", "bp": bid, "bs": 3, "bx": "C", "c": "A"},
             "latestTrade": {"t": t, "p": (bid + ask) / 2, "s": 1, "x": "n", "c": "I"},
             "dailyBar": {"t": "2024-03-15T04:00:00Z", "o": ask, "h": ask, "l": bid, "c": ask, "v": 1250, "n": 40},
             "impliedVolatility": iv}
        if greeks:
            o["greeks"] = {"delta": delta, "gamma": 0.03, "rho": 0.01, "theta": -0.05, "vega": 0.12}
        return o

    page = {"snapshots": {
        "AAPL240322C00180000": option(8.1, 8.3, 0.82), "AAPL240322P00180000": option(0.9, 1.0, -0.18),
        "AAPL240322C00187500": option(2.9, 3.05, 0.52), "AAPL240322P00187500": option(2.6, 2.75, -0.48),
        "AAPL240328C00190000": option(1.5, 1.6, 0.38)}, "next_page_token": None}
    write(t, "fresh-chain", compact(page))
    write(t, "rule-breakers", compact({"snapshots": {
        "AAPL240322C00100000": option(0.0, 0.01, 0.99),            # ask below intrinsic
        "AAPL240322C00200000": option(1.0, 1.1, 1.5),              # delta out of range
        "AAPL240322P00200000": option(1.0, 1.1, -0.5, iv=-1),      # IV not positive
        "AAPL200117C00100000": option(1.0, 1.1, 0.5),              # expired
        "MSFT240322C00100000": option(1.0, 1.1, 0.5),              # other underlying
        "NOTANOCC": option(1.0, 1.1, 0.5), "AAPL240322C00190000": None}}))
    write(t, "huge-greeks", '{"snapshots":{"AAPL240322C00185000":{"latestQuote":{"t":"%s","bp":1,"ap":1.1},'
          '"greeks":{"delta":0.5,"gamma":9.3e14,"rho":1e300,"theta":-9.22e14,"vega":5e-324},'
          '"impliedVolatility":1e308}}}' % NOW)
    write(t, "missing-greek", '{"snapshots":{"AAPL240322C00185000":{"latestQuote":{"t":"%s","bp":1,"ap":1.1},'
          '"greeks":{"delta":0.5}}}}' % NOW)
    write(t, "wide-strikes", compact({"snapshots": {
        "AAPL240322C99999999": option(1, 1.1, 0.5), "A240322P00000001": option(0, 0.01, -0.01),
        "ZZZZZZ240322C00187500": option(1, 1.1, 0.5)}}))
    write(t, "escaped-keys", '{"snapshots":{"AAPL240322C0018\\u0037500":%s,"\\u001b]0;x\\u0007":{}}}'
          % compact(option(2.9, 3.05, 0.52)))


def json_seeds():
    t = "fuzz-json"
    if EXAMPLES:
        for name in sorted(os.listdir(EXAMPLES)):
            if name.endswith(".json") and name in {
                    "account.json", "clock.json", "option_chain_page1.json", "stocks_bars_multi_page1.json",
                    "order_multileg_option_example.json", "stocks_quotes_multi_page1.json", "watchlists.json",
                    "error_42210000_invalid_symbol.json", "asset_AAPL.json"}:
                write(t, "example-" + name, example(name))
    cases = {
        "scalars": '[true,false,null,0,-0,1.5,-1.5e-3,1E+2,"x"]',
        "numbers": '[0.1,0.30000000000000004,9007199254740993,123456789012345678901234567890,1e-400,2.2250738585072014e-308,'
                   '1.7976931348623157e308,4.9e-324,0.000000000000000000000000001,18446744073709551615,-9223372036854775808]',
        "escapes": '["\\"\\\\\\/\\b\\f\\n\\r\\t","\\u0041\\u00e9\\u4e2d\\ud83d\\ude00","\\u0000"]',
        "lone-surrogate": '["\\ud800","\\udc00x","\\ud83d\\u0041"]',
        "duplicate-keys": '{"a":1,"a":2,"b":{"c":[],"c":{}}}',
        "nested": "[" * 40 + "]" * 40,
        "deep-511": "[" * 511 + "]" * 511,
        "whitespace": ' \t\r\n{ "k" : [ 1 , 2 ] } \n',
        "utf8": '{"\u4e2d\u6587":"\u00e9\u0301","emoji":"\U0001F600\u200d\U0001F4BB"}',
        "string-top": '"just a string"',
        "empty-containers": '{"":{},"a":[],"b":[{}]}',
    }
    for name, text in cases.items():
        write(t, name, text)
    write(t, "invalid-utf8", b'["\xff\xfe", "\xc3"]')
    write(t, "truncated", '{"a":[1,2,')
    write(t, "tiny-values", "[" + ",".join(["0"] * 200) + "]")


def rfc3339():
    t = "fuzz-rfc3339"
    stamps = ["2024-03-15T14:30:00Z", "2024-03-15T10:30:00.123456789-04:00", "2022-08-17T10:18:27.052763263Z",
              "2024-02-29t23:59:60.5z", "2024-03-15 14:30:00+05:30", "1970-01-01T00:00:00Z",
              "2262-04-11T23:47:16.854775807Z", "2262-04-11T23:47:16.854775808Z", "1677-09-21T00:12:43.145224192Z",
              "1677-09-21T00:12:44Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-23:59",
              "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-03-15T24:00:00Z", "2024-03-15T14:30:00.Z",
              "2024-03-15T14:30:00.1234567890Z", "2024-03-15T14:30:00+0530", "2024-03-15T14:30:00"]
    for i, s in enumerate(stamps):
        write(t, "stamp-%02d" % i, s)
    # Structured seeds (first byte 0xFF): year (u16, bit 15 picks a boundary year), month, day,
    # hour, minute, second, separator, fraction digit count, digits…, zone kind, offset h, m.
    for i, fields in enumerate([
            (0x8000 | 1, 9, 21, 0, 12, 43, 0, 9, [1, 4, 5, 2, 2, 4, 1, 9, 2], 0, 0, 0),
            (0x8000 | 9, 4, 11, 23, 47, 16, 1, 9, [8, 5, 4, 7, 7, 5, 8, 0, 7], 1, 0, 0),
            (2024, 2, 29, 23, 59, 60, 2, 3, [1, 2, 3], 3, 23, 59),
            (1969, 12, 31, 23, 59, 59, 0, 0, [], 2, 0, 30)]):
        year, month, day, hour, minute, second, sep, n, digits, zone, oh, om = fields
        data = bytes([0xFF]) + struct.pack("<H", year) + bytes([month, day, hour, minute, second, sep, n] + digits
                                                              + [zone, oh, om])
        write(t, "structured-%d" % i, data)


def sanitizer():
    t = "fuzz-sanitizer"
    # Header: mode, requested width + 8, alignment, ellipsis, buffer width, height, x + 6, y + 2, maxWidth + 2.
    def seed(name, text, mode=0, width=20, align=0, ell=0, bw=30, bh=4, x=2, y=1, mw=255):
        header = bytes([mode, (width + 8) & 0xFF, align, ell, bw, bh, (x + 6) & 0xFF, (y + 2) & 0xFF, mw])
        write(t, name, header + (text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text))
    seed("ascii", "AAPL 187.25 +0.94%")
    seed("escape-sequences", "\x1b[2J\x1b]0;PWNED\x07\r\nnext\ttab\x7f\u0085")
    seed("bidi-zero-width", "abc\u202edcba\u200b\u200d\u2066x\u2069\ufeff\u2028\u2029")
    seed("wide", "中文字符テスト😀👍🏽🇺🇸", width=7, x=-1, ell=3)
    seed("zalgo", "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c" * 2, align=2)
    seed("hangul-jamo", "\u1100" * 10 + "\u1161" * 10 + "\u1100\u1161\u11a8", width=12, align=1)
    seed("emoji-zwj", "👨\u200d👩\u200d👧\u200d👦 family e\u0301 a\ufe0f", bw=5, bh=1, x=0, y=0)
    seed("tags", "\U000E0041\U000E0042 flag \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")
    seed("scalars-mode", bytes([0x00, 0x20, 0x2E, 0x01, 0x0E, 0x41, 0x00, 0x1B, 0x10, 0xFF, 0x00, 0x20, 0x0E]),
         mode=1)
    seed("narrow", "too wide for this", width=0, bw=1, bh=1, x=0, y=0, mw=1)
    seed("invalid-utf8", b"\xff\xfe\xc3\x28\xe2\x82 ok \xf0\x9f\x98")


def ratelimit():
    t = "fuzz-ratelimit"
    LIMIT, REMAINING, RESET, RETRY = 0, 1, 2, 3

    def response(status, headers, acquire=1):
        out = bytes([status, len(headers)])
        for name, value in headers:
            v = value.encode()
            out += bytes([name, len(v)]) + v
        return out + bytes([acquire])
    now = struct.pack("<I", 0)
    write(t, "429-delta", now + response(0, [(RETRY, "2")]))
    write(t, "429-http-date", now + response(0, [(RETRY, "Fri, 15 Mar 2024 14:31:00 GMT")]))
    write(t, "429-rfc850-asctime", now + response(0, [(RETRY, "Friday, 15-Mar-24 14:31:00 GMT")])
          + response(3, [(RETRY, "Fri Mar 15 14:31:00 2024")]))
    write(t, "429-far-future", now + response(0, [(RETRY, "99999999999999999999999999999999")])
          + response(0, [(RESET, "1e300"), (REMAINING, "0"), (LIMIT, "200")]))
    write(t, "budget-pacing", now + response(1, [(LIMIT, "200"), (REMAINING, "3"), (RESET, "1710513060")])
          * 3)
    write(t, "reset-milliseconds", now + response(0, [(LIMIT, "200"), (REMAINING, "0"), (RESET, "1710513060000"),
                                                      (RETRY, " 1.5 ")]))
    write(t, "garbage", now + response(0, [(RETRY, "-1"), (RESET, "nan"), (LIMIT, "-5"), (0x10 | REMAINING, "1e9")]))
    write(t, "raw-name", now + bytes([0, 1, 0xF0, 11]) + b"Retry-After" + bytes([3]) + b"120" + bytes([1]))


def config():
    t = "fuzz-config"
    write(t, "full", compact({"watchlist": ["AAPL", "MSFT", "BRK.B"], "refresh": {"watchlist": 2, "clock": 30,
                              "chain": 5, "bars": 60}, "thresholds": {"staleness_seconds": 300, "minimum_quality_score": 40,
                              "max_move_from_previous_close": 0.5, "clock_skew_seconds": 5}, "theme": "default"}))
    write(t, "edges", compact({"refresh": {"watchlist": 0.2, "clock": 3600}, "thresholds": {
        "staleness_seconds": 604800, "minimum_quality_score": 100, "max_move_from_previous_close": 100,
        "clock_skew_seconds": 0}}))
    write(t, "out-of-range", '{"refresh":{"watchlist":0.1},"thresholds":{"staleness_seconds":1e400}}')
    write(t, "wrong-types", '{"watchlist":"AAPL","refresh":[],"thresholds":{"minimum_quality_score":40.5}}')
    write(t, "empty", "{}")
    write(t, "unknown-keys", '{"api_key":"x","watchlist":[],"extra":{"a":[1,2,3]}}')
    write(t, "not-json", "watchlist = [AAPL]")
    write(t, "alerts", compact({"alerts": ["AAPL last > 200", "SPY change% < -2 \u00b10.5", "quality * < 80",
                                           "stale * > 60s", "rejections V009 > 5/min", "429s > 3/min",
                                           "circuit open"], "alert_bell": True}))
    write(t, "bad-alert", '{\n "alerts": [\n  "AAPL last > 200",\n  "MSFT lst < 1e400"\n ]\n}\n')


def keys():
    t = "fuzz-keys"

    def ch(c):
        return bytes([8, ord(c), 0, 0])
    KEYCODE = {"down": 258 - 256, "up": 259 - 256, "left": 260 - 256, "right": 261 - 256, "enter": 343 - 256,
               "npage": 338 - 256, "ppage": 339 - 256, "resize": 410 - 256, "btab": 353 - 256}

    def code(name):
        v = KEYCODE[name]
        return bytes([5, v & 0xFF, v >> 8, 0])
    write(t, "browse", bytes([80, 24]) + code("down") + code("down") + ch("\n") + code("right") + ch("\n")
          + ch("\x1b") + ch("]") + ch("3") + ch("s") + ch("4") + ch("/") + ch("V") + ch("\n"))
    write(t, "filter-and-add", bytes([120, 40]) + ch("/") + ch("A") + ch("A") + bytes([8, 127, 0, 0]) + ch("\n")
          + ch("a") + ch("m") + ch("s") + ch("f") + ch("t") + ch("\r") + ch("d") + ch("+") + ch("-") + ch("p") + ch("?"))
    write(t, "resize-degenerate", bytes([1, 1]) + bytes([6, 0, 0, 0]) + ch("2") + bytes([6, 1, 1, 0]) + code("down")
          + bytes([6, 19, 5, 0]) + ch("5") + ch("6") + code("btab"))
    write(t, "unicode-chars", bytes([40, 12]) + ch("a") + bytes([0, 0x2E, 0x20, 0x00]) + bytes([0, 0x1B, 0, 0])
          + bytes([0, 0x00, 0xD8, 0x00]) + bytes([0, 0x00, 0x4E, 0x00]) + ch("\n"))
    write(t, "ticks-and-updates", bytes([100, 30]) + bytes([7, 0, 200, 0]) + bytes([7, 1, 1, 0]) + ch("2")
          + bytes([7, 1, 0, 0]) + code("npage") + code("ppage") + ch("G") + ch("g"))


def audit():
    t = "fuzz-audit"
    request = compact({"ts": NOW, "kind": "request", "endpoint": "GET /v2/stocks/snapshots", "status": 200,
                       "bytes": 5120, "duration_ms": 12.5, "request_id": "abc"})
    failed = compact({"ts": NOW, "kind": "request", "endpoint": "GET /v2/clock", "status": None, "bytes": 0,
                      "duration_ms": 10000.0, "request_id": None})
    rejection = compact({"ts": NOW, "kind": "rejection", "symbol": "AAPL", "rule": "V003",
                         "code": "DATA_VALIDATION_ERROR", "message": "bid 101 > ask 100\u001b]0;x\u0007"})
    write(t, "session", "\n".join([request, failed, rejection, request]) + "\n")
    write(t, "torn", request + "\n" + rejection[:40])
    write(t, "foreign", 'not json\n[1,2]\n{"ts":"0001-01-01T00:00:00Z","kind":"request","endpoint":"x"}\n'
          '{"ts":"%s","kind":"request","endpoint":"x","status":7,"duration_ms":-1}\n' % NOW)


if __name__ == "__main__":
    snapshots(); chain(); json_seeds(); rfc3339(); sanitizer(); ratelimit(); config(); keys(); audit()
    total = 0
    for root, _, files in os.walk(HERE):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    print("corpus bytes:", total, file=sys.stderr)
