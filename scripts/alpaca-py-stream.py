"""The official alpaca-py SDK's StockDataStream against the simulator (issue 10).

Starts `alpaca-dash sim --market open`, points StockDataStream at its stream with url_override
(the SDK's default MessagePack framing), subscribes quotes and trades for two symbols, and waits
until the SDK has parsed at least three of each into its models. Prints one JSON line; exits 0
on success, 1 on failure.
"""
import asyncio
import json
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(__file__))
import simulator  # noqa: E402

from alpaca.data.live import StockDataStream  # noqa: E402
from alpaca.data.models import Quote, Trade  # noqa: E402

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/alpaca-dash"
process, base = simulator.start(binary, ["--market", "open"], "/tmp/alpaca-py-stream-sim.log")
stream_url = "ws" + base[len("http"):] + "/v2/iex"
counts = {"quotes": 0, "trades": 0}
symbols = set()
problems = []
stream = StockDataStream("PKSIMULATED", "simulated-secret", url_override=stream_url)


def check(kind, model, cls):
    if not isinstance(model, cls):
        problems.append(f"{kind}: not a {cls.__name__}: {type(model)}")
        return
    price = model.bid_price if kind == "quotes" else model.price
    if not (isinstance(price, float) and price > 0):
        problems.append(f"{kind}: price {price!r}")
    if model.timestamp is None or model.timestamp.year < 2000:
        problems.append(f"{kind}: timestamp {model.timestamp!r}")
    counts[kind] += 1
    symbols.add(model.symbol)
    if counts["quotes"] >= 3 and counts["trades"] >= 3:
        asyncio.get_event_loop().create_task(stream.stop_ws())


async def on_quote(quote):
    check("quotes", quote, Quote)


async def on_trade(trade):
    check("trades", trade, Trade)


def give_up():
    print(json.dumps({"ok": False, "reason": "timed out", **counts}), flush=True)
    process.terminate()
    os._exit(1)


timer = threading.Timer(60, give_up)
timer.daemon = True
timer.start()
stream.subscribe_quotes(on_quote, "AAPL", "MSFT")
stream.subscribe_trades(on_trade, "AAPL", "MSFT")
try:
    stream.run()
finally:
    timer.cancel()
    process.terminate()
ok = counts["quotes"] >= 3 and counts["trades"] >= 3 and not problems
print(json.dumps({"ok": ok, **counts, "symbols": sorted(symbols), "problems": problems[:5], "url": stream_url}))
sys.exit(0 if ok else 1)
