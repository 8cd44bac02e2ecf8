#!/usr/bin/env bash
# The whole test suite: unit and integration tests (swift test, over loopback HTTP against the
# simulator), then the end-to-end run of the real binary in tmux.
set -uo pipefail
cd "$(dirname "$0")/.."
swift test 2>&1 | grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')"
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
scripts/e2e.sh .build/debug/alpaca-dash
