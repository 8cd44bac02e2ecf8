#!/usr/bin/env bash
# The whole test suite: unit and integration tests (swift test, over loopback HTTP against the
# simulator), then the end-to-end run of the real binary in tmux.
set -uo pipefail
cd "$(dirname "$0")/.."
# Serially: on 2 cores, 380 tests in parallel starve the in-process simulators that the
# integration tests talk to, and requests time out at 10 s (a flaky third connection, a health
# line with no refresh yet). Serial takes 1m40s instead of 1 min, and nothing waits on anything.
swift test --no-parallel 2>&1 | grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
scripts/e2e.sh .build/debug/alpaca-dash
