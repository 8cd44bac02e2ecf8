#!/usr/bin/env bash
# The official alpaca-py SDK (StockDataStream, MessagePack framing) subscribes to the simulator's
# stream and parses quotes and trades into its models (issue 10). Makes its own venv under .build/.
# Exits 0 on success, 1 on failure, 77 when alpaca-py cannot be installed (no PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/alpaca-dash}
venv=.build/alpaca-py-venv
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if ! "$venv/bin/python" -c "import alpaca" 2>/dev/null; then
    if ! "$venv/bin/pip" install -q "alpaca-py==0.44.0" >"$venv.pip.log" 2>&1; then
        echo "alpaca-py could not be installed (see $venv.pip.log)" >&2
        exit 77
    fi
fi
exec "$venv/bin/python" scripts/alpaca-py-stream.py "$binary"
