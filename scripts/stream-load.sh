#!/usr/bin/env bash
# CPU and resident memory of the dashboard while the market-data stream delivers TOTAL messages a
# second over N symbols (the simulator in another process, `--stream-rate TOTAL/N`, no symbol
# limit), measured from /proc over SECONDS after a 10 s warm-up, with tick → painted p50/p99 and
# the messages received from the dashboard's own /metrics (docs/performance.md).
#
# Usage: scripts/stream-load.sh N TOTAL [SECONDS] [--no-stream]
#   scripts/stream-load.sh 200 10000      CPU at 10 000 messages/s
#   scripts/stream-load.sh 200 1000       tick → painted at 1 000 messages/s
#   scripts/stream-load.sh 5 10           idle: an open stream, 5 symbols, sent only when they change
#   (needs a release build: swift build -c release --product alpaca-dash)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
TOTAL=${2:-10000}
SECONDS_TOTAL=${3:-30}
EXTRA=${4:-}
# The simulator sends a quote and a trade per symbol at each of its ticks.
RATE=$((TOTAL / N / 2))
[ "$RATE" -ge 1 ] || RATE=1
BIN=$(realpath .build/release/alpaca-dash)
# DASH_BIN: another build of the dashboard to measure against the same simulator (an older commit).
DASH=$(realpath "${DASH_BIN:-$BIN}")
WORK=$(mktemp -d)
T=(tmux -L "load-$$" -f /dev/null)
PORT=$((18700 + RANDOM % 200))
MPORT=$((PORT + 1000))
"$BIN" sim --port "$PORT" --market open --stream-rate "$RATE" --stream-symbol-limit 0 >"$WORK/sim.out" 2>&1 &
SIM=$!
trap '"${T[@]}" kill-server 2>/dev/null; kill $SIM 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q "listening on" "$WORK/sim.out" && break; sleep 0.1; done
SYMBOLS=$(python3 -c "
import itertools, string
letters = string.ascii_uppercase
print(','.join(['AAPL'] + [''.join(t) for t in itertools.islice(itertools.product(letters, repeat=3), $N - 1)]))")
"${T[@]}" new-session -d -s l -x 200 -y 60 \
    "env -u APCA_API_KEY_ID -u APCA_API_SECRET_KEY HOME=$WORK XDG_STATE_HOME=$WORK XDG_CONFIG_HOME=$WORK \
     TERM=xterm-256color LANG=C.UTF-8 $DASH --data-url http://127.0.0.1:$PORT --trading-url http://127.0.0.1:$PORT \
     --watchlist $SYMBOLS --metrics-addr 127.0.0.1:$MPORT $EXTRA; sleep $((SECONDS_TOTAL + 120))"
for _ in $(seq 1 150); do "${T[@]}" capture-pane -p -t l | grep -qE 'AAPL +[0-9]' && break; sleep 0.2; done
PID=$(pgrep -P "$("${T[@]}" display -p -t l '#{pane_pid}')" -x alpaca-dash)
sleep 10
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
received() { curl -s "http://127.0.0.1:$MPORT/metrics" | awk '/^alpaca_dash_stream_messages_total/ { n += $2 } END { print n + 0 }'; }
m0=$(received)
HZ=$(getconf CLK_TCK)
d0=$(ticks "$PID")
s0=$(ticks "$SIM")
sleep "$SECONDS_TOTAL"
d1=$(ticks "$PID")
s1=$(ticks "$SIM")
m1=$(received)
paint=$(curl -s "http://127.0.0.1:$MPORT/metrics" | grep -E '^alpaca_dash_stream_(tick_to_paint_seconds|painted_frames_total)' | tr '\n' ' ')
status=$("${T[@]}" capture-pane -p -t l | grep -oE '(STREAM|POLL) [^ ]+( [0-9/]+)?' | head -1)
rss=$(grep -E 'VmRSS' "/proc/$PID/status" | tr -s ' \t' ' ')
echo "$N symbols × $RATE ticks/s (a quote and a trade each) ${EXTRA:-streaming} over ${SECONDS_TOTAL}s: dashboard" \
    "$(awk -v d=$((d1 - d0)) -v hz="$HZ" -v s="$SECONDS_TOTAL" 'BEGIN { printf "%.1f", 100 * d / hz / s }')% of a core," \
    "simulator $(awk -v d=$((s1 - s0)) -v hz="$HZ" -v s="$SECONDS_TOTAL" 'BEGIN { printf "%.1f", 100 * d / hz / s }')%;" \
    "$rss; status bar: ${status:-?}; received $(((m1 - m0) / SECONDS_TOTAL)) msgs/s; $paint"
