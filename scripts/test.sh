#!/usr/bin/env bash
# The whole test suite: unit and integration tests (swift test), then the end-to-end tmux run.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --parallel 2>&1 | grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')"
test "${PIPESTATUS[0]}" -eq 0
if [ -x scripts/e2e.sh ]; then scripts/e2e.sh; fi
