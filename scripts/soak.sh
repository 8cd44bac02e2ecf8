#!/usr/bin/env bash
# Soak (reliability.md §6, issue 9): the release dashboard in tmux against `sim --faults` at about
# 20 % mixed faults, 200 symbols refreshed every second, for MINUTES minutes (default 10).
#
# Records and judges:
#   - crashes: the dashboard must be alive at the end, then quit with 0 and the terminal restored;
#   - resident memory every 10 s: under 150 MB, and flat (the last third's mean within 10 % of
#     the second third's);
#   - the request rate from the simulator's request log: never over 200 in any 60 s;
#   - the screen every 10 s: no raw control, C1, BiDi or zero-width character, the pane title
#     unchanged, and every Last price shown equal to the simulator's last trade for that symbol
#     (nothing the simulator did not send). The simulated market is closed so that last trade
#     holds still and the comparison is exact; the soak's faults never touch trade prices.
# Prints a table (also written to .build/soak/report.md) and exits 0 on pass, 1 on fail.
#
# Usage: scripts/soak.sh [MINUTES]      (needs tmux and python3; not part of CI)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
swift build -c release --product alpaca-dash 2>&1 | grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')" | tail -1
BIN=$(swift build -c release --show-bin-path)/alpaca-dash
mkdir -p .build/soak
exec python3 - "$BIN" "$MINUTES" <<'PY'
import itertools, json, os, re, subprocess, sys, time, urllib.request
sys.path.insert(0, "scripts")
import simulator

binary, minutes = sys.argv[1], float(sys.argv[2])
out = ".build/soak"
faults = ("crossed@0.04,nan@0.03,stale:3600@0.03,null@0.03,string-number@0.03,hostile@0.02,"
          "out-of-order:30@0.02,status:503@0.05/v2/stocks/*,status:429@0.03/v2/stocks/*,"
          "reset@0.03/v2/stocks/*,truncate@0.02/v2/stocks/*,latency:800@0.05")
letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
symbols = ["AAPL", "MSFT", "NVDA", "SPY", "QQQ"] + ["Z" + a + b for a, b in itertools.product(letters, repeat=2)]
symbols = symbols[:200]

sim, url = simulator.start(binary, ["--market", "closed", "--faults", faults], f"{out}/sim.log")

def get(path):
    with urllib.request.urlopen(url + path, timeout=10) as response:
        return json.load(response)

socket = f"alpaca-soak-{os.getpid()}"
tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
env = (f"env -u APCA_API_KEY_ID -u APCA_API_SECRET_KEY HOME={out} XDG_CONFIG_HOME={out}/config "
       f"XDG_STATE_HOME={out}/state TERM=xterm-256color LANG=C.UTF-8")
command = (f"{env} {binary} --data-url {url} --trading-url {url} --refresh 1s "
           f"--watchlist {','.join(symbols)}; echo $? > {out}/exit; sleep 3600")
if os.path.exists(f"{out}/exit"):
    os.remove(f"{out}/exit")
subprocess.run(tmux + ["new-session", "-d", "-s", "soak", "-x", "160", "-y", "50", command], check=True)

def pane(fmt):
    return subprocess.run(tmux + ["display", "-p", "-t", "soak", fmt], capture_output=True, text=True).stdout.strip()

def screen():
    return subprocess.run(tmux + ["capture-pane", "-p", "-t", "soak"], capture_output=True, text=True).stdout

def app_pid():
    result = subprocess.run(["pgrep", "-P", pane("#{pane_pid}"), "-x", "alpaca-dash"], capture_output=True, text=True)
    return result.stdout.split()[0] if result.stdout.split() else None

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None

time.sleep(3)
title = pane("#{pane_title}")
pid = app_pid()
samples, problems = [], []
forbidden = re.compile("[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
row = re.compile(r"^│[ ✗◷!]*\s*([A-Z][A-Z0-9.]*)\s+(\d+\.\d+)\s")
start = time.time()
checked_values = 0
while time.time() - start < minutes * 60:
    time.sleep(10)
    if not pid or not os.path.exists(f"/proc/{pid}"):
        problems.append(f"dashboard not running at {time.time() - start:.0f} s")
        break
    samples.append((round(time.time() - start), rss_mb(pid)))
    text = screen()
    if forbidden.search(text):
        problems.append(f"a raw control/BiDi/zero-width character on screen at {samples[-1][0]} s")
    if pane("#{pane_title}") != title:
        problems.append("the pane title changed")
    shown = {m.group(1): float(m.group(2)) for m in map(row.match, text.splitlines()) if m}
    if shown:
        # The simulator's last trades for those symbols (a request outside the dashboard's,
        # retried past transport faults; this spec's data faults never change a trade price).
        for _ in range(8):
            try:
                body = get("/v2/stocks/snapshots?symbols=" + ",".join(shown) + "&soak_check=1")
                break
            except Exception:
                time.sleep(0.5)
        else:
            body = {}
        for symbol, last in shown.items():
            entry = body.get(symbol)
            trade = entry.get("latestTrade") if isinstance(entry, dict) else None
            if not isinstance(trade, dict) or not isinstance(trade.get("p"), (int, float)):
                continue
            checked_values += 1
            if abs(trade["p"] - last) > 0.005:
                problems.append(f"{symbol} shows {last}; the simulator's last trade is {trade['p']}")

alive = pid is not None and os.path.exists(f"/proc/{pid}")
subprocess.run(tmux + ["send-keys", "-t", "soak", "q"])
for _ in range(100):
    if os.path.exists(f"{out}/exit") and os.path.getsize(f"{out}/exit") > 0:
        break
    time.sleep(0.1)
status = open(f"{out}/exit").read().strip() if os.path.exists(f"{out}/exit") else "none"
restored = pane("#{alternate_on}") == "0" and pane("#{cursor_flag}") == "1"
log = [r for r in get("/_sim/requests")["requests"] if "soak_check" not in r["query"]]
stats = get("/_sim/stats")
subprocess.run(tmux + ["kill-server"])
sim.terminate()

times = sorted(r["time"] for r in log)
worst, j = 0, 0
for i, t in enumerate(times):
    while times[j] <= t - 60:
        j += 1
    worst = max(worst, i - j + 1)
per_minute = {}
for t in times:
    minute = int((t - times[0]) // 60) if times else 0
    per_minute[minute] = per_minute.get(minute, 0) + 1
values = [mb for _, mb in samples if mb is not None]
third = max(1, len(values) // 3)
middle = sum(values[third:2 * third]) / max(1, len(values[third:2 * third]))
last = sum(values[2 * third:]) / max(1, len(values[2 * third:]))
if not alive or status != "0" or not restored:
    problems.append(f"crash or bad exit: alive={alive} exit={status} restored={restored}")
if values and max(values) >= 150:
    problems.append(f"resident memory reached {max(values):.1f} MB")
if len(values) >= 6 and last > middle * 1.10:
    problems.append(f"resident memory grew: {middle:.1f} MB → {last:.1f} MB between the second and last thirds")
if worst > 200:
    problems.append(f"{worst} requests in one 60 s window")

lines = [f"# Soak: {minutes:g} min, 200 symbols, 1 s refresh, faults `{faults}`", "",
         f"- crashes: {0 if alive else 1}; exit after q: {status}; terminal restored: {restored}",
         f"- requests: {len(times)}; most in any 60 s: {worst}; faults injected: {stats.get('faults_injected')}",
         f"- responses by status: {stats.get('responses_by_status')}",
         f"- Last prices checked against the simulator's last trade: {checked_values}",
         f"- resident memory: min {min(values):.1f} MB, max {max(values):.1f} MB, second third {middle:.1f} MB, last third {last:.1f} MB" if values else "- resident memory: no samples",
         "", "| t (s) | RSS (MB) |", "|---:|---:|"]
lines += [f"| {t} | {mb:.1f} |" for t, mb in samples if mb is not None]
lines += ["", "| minute | requests |", "|---:|---:|"] + [f"| {m} | {n} |" for m, n in sorted(per_minute.items())]
lines += ["", "PASS" if not problems else "FAIL: " + "; ".join(problems)]
report = "\n".join(lines)
open(f"{out}/report.md", "w").write(report + "\n")
print(report)
sys.exit(0 if not problems else 1)
PY
