"""Shared by scripts/soak.sh and scripts/metrics-check.sh: start `alpaca-dash sim` and wait for it."""
import re
import subprocess
import time


def start(binary, arguments, log_path):
    """Starts `binary sim --port 0 ARGUMENTS`, logging to log_path; returns (process, base URL)."""
    log = open(log_path, "w")
    process = subprocess.Popen([binary, "sim", "--port", "0", *arguments], stdout=log, stderr=subprocess.STDOUT)
    for _ in range(100):
        match = re.search(r"http://127\.0\.0\.1:\d+", open(log_path).read())
        if match:
            return process, match.group(0)
        time.sleep(0.1)
    process.terminate()
    raise SystemExit("the simulator did not start")
