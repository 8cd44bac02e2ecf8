#!/usr/bin/env bash
# Resident memory of the dashboard with N watchlist symbols and one option chain open, against the
# simulator in another process, sampled every 30 s for SECONDS (default 40: one sample at 40 s)
# while the watchlist refreshes every REFRESH (default the dashboard's 2s) (docs/performance.md).
#
# Usage: scripts/measure-rss.sh N [SECONDS] [REFRESH]
#   (needs a release build: swift build -c release --product alpaca-dash)
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
SECONDS_TOTAL=${2:-40}
REFRESH=${3:-2s}
BIN=$(realpath .build/release/alpaca-dash)
WORK=$(mktemp -d)
T=(tmux -L "rss-$$" -f /dev/null)
PORT=18601
"$BIN" sim --port "$PORT" >"$WORK/sim.out" 2>&1 &
SIM=$!
trap '"${T[@]}" kill-server 2>/dev/null; kill $SIM 2>/dev/null; rm -rf "$WORK"' EXIT
sleep 1.5
SYMBOLS=$(python3 -c "
import itertools, string
letters = string.ascii_uppercase
print(','.join(['AAPL'] + [''.join(t) for t in itertools.islice(itertools.product(letters, repeat=3), $N - 1)]))")
"${T[@]}" new-session -d -s r -x 200 -y 60 \
    "env -u APCA_API_KEY_ID -u APCA_API_SECRET_KEY HOME=$WORK XDG_STATE_HOME=$WORK XDG_CONFIG_HOME=$WORK \
     TERM=xterm-256color LANG=C.UTF-8 $BIN --data-url http://127.0.0.1:$PORT --trading-url http://127.0.0.1:$PORT \
     --watchlist $SYMBOLS --refresh $REFRESH; sleep $((SECONDS_TOTAL + 120))"
for _ in $(seq 1 150); do "${T[@]}" capture-pane -p -t r | grep -qE 'AAPL +[0-9]' && break; sleep 0.2; done
"${T[@]}" send-keys -t r Enter
PID=$(pgrep -P "$("${T[@]}" display -p -t r '#{pane_pid}')" -x alpaca-dash)
sample() { grep -E 'VmHWM|VmRSS|RssAnon|RssFile' "/proc/$PID/status" | tr -s ' \t' ' ' | tr '\n' ' '; }
if [ "$SECONDS_TOTAL" -le 40 ]; then
    sleep "$SECONDS_TOTAL"
    echo "$N symbols: $(sample)"
else
    for ((t = 0; t <= SECONDS_TOTAL; t += 30)); do
        echo "$N symbols, t=${t}s: $(sample)"
        sleep 30
    done
fi
