"""alpaca-py's own rate on the stream benchmark's MessagePack frames (issue 10).

Reads the frames Benchmarks wrote (4-byte big-endian length + frame, repeated) and runs what
StockDataStream does per frame for quotes: msgpack.unpackb, then per message the timestamp
conversion and the Quote model (DataStream._cast). Prints the median messages/s of RUNS runs.
"""
import struct
import sys
import time

import msgpack
from alpaca.data.models import Quote

path, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
data = open(path, "rb").read()
frames = []
offset = 0
while offset < len(data):
    (length,) = struct.unpack(">I", data[offset : offset + 4])
    frames.append(data[offset + 4 : offset + 4 + length])
    offset += 4 + length


def cast(msg):
    if "t" in msg:
        msg["t"] = msg["t"].to_datetime()
    return Quote(msg["S"], msg)


rates = []
count = 0
for _ in range(runs):
    start = time.perf_counter()
    count = 0
    for frame in frames:
        for msg in msgpack.unpackb(frame):
            cast(msg)
            count += 1
    rates.append(count / (time.perf_counter() - start))
rates.sort()
print(f"{rates[len(rates) // 2]:.0f} {rates[0]:.0f} {rates[-1]:.0f} {count}")
