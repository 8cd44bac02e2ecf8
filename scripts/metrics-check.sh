#!/usr/bin/env bash
# The independent check of `--metrics-addr` (issue 12): the dashboard runs in tmux against
# `sim --faults drill`; its /metrics is parsed with the official Prometheus Python client's text
# parser (prometheus_client, installed into .build/metrics-venv), and the counters are compared
# with the simulator's /_sim/stats and with the Validation failures panel on screen.
#
# Usage: scripts/metrics-check.sh [SECONDS]   (default 40; needs tmux, python3 and pip; not in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-40}
swift build --product alpaca-dash 2>&1 | grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')" | tail -1
BIN=$(swift build --show-bin-path)/alpaca-dash
VENV=.build/metrics-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -c 'import prometheus_client' 2>/dev/null || "$VENV/bin/pip" install -q prometheus_client
mkdir -p .build/metrics-check
exec "$VENV/bin/python" - "$BIN" "$SECONDS_TO_RUN" <<'PY'
import json, os, re, socket, subprocess, sys, time, urllib.request
sys.path.insert(0, "scripts")
import simulator
from prometheus_client.parser import text_string_to_metric_families

binary, duration = sys.argv[1], float(sys.argv[2])
out = ".build/metrics-check"
sim, url = simulator.start(binary, ["--faults", "drill"], f"{out}/sim.log")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
tmux = ["tmux", "-L", f"alpaca-metrics-{os.getpid()}", "-f", "/dev/null"]
env = (f"env -u APCA_API_KEY_ID -u APCA_API_SECRET_KEY HOME={out} XDG_CONFIG_HOME={out}/config "
       f"XDG_STATE_HOME={out}/state TERM=xterm-256color LANG=C.UTF-8")
subprocess.run(tmux + ["new-session", "-d", "-s", "m", "-x", "160", "-y", "45",
                       f"{env} {binary} --data-url {url} --trading-url {url} --metrics-addr 127.0.0.1:{port}; sleep 600"],
               check=True)

def fetch(address):
    with urllib.request.urlopen(address, timeout=10) as response:
        return response.read().decode()

def scrape():
    totals = {}
    for family in text_string_to_metric_families(fetch(f"http://127.0.0.1:{port}/metrics")):
        for sample in family.samples:
            key = (sample.name, tuple(sorted(sample.labels.items())))
            totals[key] = sample.value
    return totals

def total(samples, name, **labels):
    return sum(v for (n, l), v in samples.items() if n == name and all(dict(l).get(k) == x for k, x in labels.items()))

def panel():
    subprocess.run(tmux + ["send-keys", "-t", "m", "4"])
    time.sleep(0.5)
    text = subprocess.run(tmux + ["capture-pane", "-p", "-t", "m"], capture_output=True, text=True).stdout
    m = re.search(r"(\d+) rejected since start(?:\s+·\s+(.*?))?\s*│", text)
    if not m:
        return None
    counts = {rule: int(n) for rule, n in re.findall(r"([VBQ]\d{3})×(\d+)", m.group(2) or "")}
    return int(m.group(1)), counts

time.sleep(duration)
problems = []
for attempt in range(10):
    before_screen = panel()
    first = scrape()
    stats = json.loads(fetch(url + "/_sim/stats"))
    second = scrape()
    after_screen = panel()
    if before_screen == after_screen and total(first, "alpaca_dash_rejections_total") == total(second, "alpaca_dash_rejections_total"):
        break
    time.sleep(1)
requests_1 = total(first, "alpaca_dash_upstream_requests_total")
requests_2 = total(second, "alpaca_dash_upstream_requests_total")
if not requests_1 <= stats["requests_total"] <= requests_2:
    problems.append(f"simulator requests {stats['requests_total']} not within the scrapes' {requests_1}–{requests_2}")
for status, count in stats["responses_by_status"].items():
    low = total(first, "alpaca_dash_upstream_requests_total", status=status)
    high = total(second, "alpaca_dash_upstream_requests_total", status=status)
    if not low <= count <= high:
        problems.append(f"status {status}: simulator {count}, scrapes {low}–{high}")
rejected = total(second, "alpaca_dash_rejections_total")
shown = after_screen
if shown is None:
    problems.append("the Validation failures panel was not readable")
else:
    if shown[0] != rejected:
        problems.append(f"the panel says {shown[0]} rejected, /metrics {rejected}")
    for rule, n in shown[1].items():
        if total(second, "alpaca_dash_rejections_total", rule=rule) != n:
            problems.append(f"{rule}: panel {n}, /metrics {total(second, 'alpaca_dash_rejections_total', rule=rule)}")
subprocess.run(tmux + ["kill-server"])
sim.terminate()
print(f"requests: simulator {stats['requests_total']}, /metrics {requests_1:g}–{requests_2:g}; "
      f"by status {stats['responses_by_status']}")
print(f"rejections: /metrics {rejected:g}, panel {shown}")
print("families parsed by prometheus_client:", len({n for n, _ in second}))
print("PASS" if not problems else "FAIL: " + "; ".join(problems))
sys.exit(0 if not problems else 1)
PY
