#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ and runs each for SECONDS (default 60) over a temporary
# copy of its committed seed corpus (Fuzz/Corpus/<target>/), after replaying its reproducers
# (Fuzz/Regressions/<target>/). Prints one summary line per target and exits non-zero on any
# finding: a crash or failed invariant, a leak, a timeout, an out-of-memory, or a build failure.
# Nothing is written into the repository except the build folder Fuzz/.build (git-ignored);
# the inputs of findings are kept in Fuzz/.build/findings/ and shown as hex in the log.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
all_targets=(fuzz-snapshots fuzz-chain fuzz-json fuzz-rfc3339 fuzz-sanitizer fuzz-ratelimit fuzz-config fuzz-keys fuzz-cli fuzz-audit fuzz-stream)
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
case "$seconds" in '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
    ;;
esac

# The Swift runtime's own crash reporter reads memory ASan does not expect and can hang after a
# trap; libFuzzer's handler prints the stack instead.
export SWIFT_BACKTRACE=enable=no
# Symbolized stacks in the reports.
if [ -x /opt/swift/usr/bin/llvm-symbolizer ]; then export ASAN_SYMBOLIZER_PATH=/opt/swift/usr/bin/llvm-symbolizer; fi

# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's main (instead of the module's) but, given
# with `--sanitize=address`, passes `-sanitize=` twice and swiftc keeps only the last for
# compiling, so no coverage is instrumented. `-Xswiftc -sanitize=fuzzer,address` comes last and
# instruments every module, the main package's included.
build=(swift build -c release --package-path Fuzz --scratch-path Fuzz/.build
    --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address)
echo "== fuzz build: ${build[*]}"
build_start=$(date +%s)
log=$(mktemp)
if ! "${build[@]}" >"$log" 2>&1; then
    grep -vE "^warning: (prohibited flag|'swift-distributed-tracing')" "$log" | tail -60
    rm -f "$log"
    echo "fuzz build FAILED"
    exit 1
fi
rm -f "$log"
bin=$("${build[@]}" --show-bin-path)
echo "== fuzz build took $(($(date +%s) - build_start)) s"

work=$(mktemp -d "${TMPDIR:-/tmp}/alpaca-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
findings=Fuzz/.build/findings
mkdir -p "$findings"

dictionary_for() {
    case "$1" in
    fuzz-snapshots | fuzz-chain | fuzz-json | fuzz-config | fuzz-stream) echo "-dict=Fuzz/Dictionaries/json.dict" ;;
    *) echo "" ;;
    esac
}

# The last value of a `stat::` line, or of a `cov:`-style field on libFuzzer's last status line.
stat_of() { grep -E "^stat::$2:" "$1" | tail -1 | awk '{print $2}'; }
field_of() { grep -E "^#[0-9]+" "$1" | grep -E " $2: " | tail -1 | sed -E "s/.* $2: ([^ ]+).*/\1/"; }
# `cov:` on the INITED line (after the seeds ran), to show it growing.
initial_cov() { grep -E "^#[0-9]+[[:space:]]+INITED" "$1" | head -1 | sed -nE "s/.* cov: ([^ ]+).*/\1/p"; }

# One target: its reproducers, then SECONDS of fuzzing. Writes its summary line to
# $work/$target.summary, and a report of any finding to $work/$target.report.
run_target() {
    local target=$1 status="ok" report="$work/$1.report"
    : >"$report"
    echo FAIL >"$work/$target.status"
    if [ ! -x "$bin/$target" ]; then
        printf '%-15s FAIL   no such fuzz target\n' "$target" >"$work/$target.summary"
        return
    fi
    # 1. Reproducers of earlier findings must run clean.
    if [ -d "Fuzz/Regressions/$target" ] && [ -n "$(ls -A "Fuzz/Regressions/$target")" ]; then
        if ! "$bin/$target" -rss_limit_mb=2048 -timeout=30 "Fuzz/Regressions/$target"/* >"$work/$target.regressions.log" 2>&1; then
            {
                echo "--- $target: a reproducer in Fuzz/Regressions/$target fails again:"
                grep -E "Running:|invariant|Fatal error|ERROR|SUMMARY|#[0-9]+ 0x" "$work/$target.regressions.log" | head -30
            } >>"$report"
            status="FAIL"
        fi
    fi
    # 2. Fuzz for SECONDS over a copy of the seeds; new inputs stay in the temporary folder.
    local corpus="$work/$target-corpus"
    mkdir -p "$corpus"
    if [ -d "Fuzz/Corpus/$target" ]; then cp -R "Fuzz/Corpus/$target/." "$corpus/"; fi
    local run_log="$work/$target.log" rc artifacts
    set +e
    # shellcheck disable=SC2046
    "$bin/$target" "$corpus" $(dictionary_for "$target") -max_total_time="$seconds" -rss_limit_mb=2048 \
        -timeout=25 -print_final_stats=1 -artifact_prefix="$work/$target-" >"$run_log" 2>&1
    rc=$?
    set -e
    artifacts=$(find "$work" -maxdepth 1 -name "$target-*" -type f | sort)
    if [ "$rc" -ne 0 ] || [ -n "$artifacts" ]; then
        status="FAIL"
        {
            echo "--- $target: libFuzzer exited $rc; report:"
            grep -E "invariant|Fatal error|ERROR|SUMMARY|#[0-9]+ 0x|Test unit written" "$run_log" | head -40
            for artifact in $artifacts; do
                cp "$artifact" "$findings/"
                echo "--- input $(basename "$artifact") (kept in $findings/), first 512 bytes:"
                head -c 512 "$artifact" | od -A d -t x1z | head -40
            done
        } >>"$report"
    fi
    printf '%-15s %-4s %3ss  execs=%-9s exec/s=%-6s corpus=%-12s cov=%-11s ft=%-6s rss=%sMB\n' \
        "$target" "$status" "$seconds" "$(stat_of "$run_log" number_of_executed_units)" \
        "$(stat_of "$run_log" average_exec_per_sec)" "$(field_of "$run_log" corp)" \
        "$(initial_cov "$run_log")->$(field_of "$run_log" cov)" "$(field_of "$run_log" ft)" \
        "$(stat_of "$run_log" peak_rss_mb)" >"$work/$target.summary"
    echo "$status" >"$work/$target.status"
}

# libFuzzer runs one thread per target, so targets run FUZZ_JOBS at a time (default: one per
# core): every target still gets SECONDS of fuzzing, in half the wall time on 2 cores.
jobs=${FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
    run_target "$target" &
done
wait

failed=0
failures=0
summary=()
for target in "${targets[@]}"; do
    [ -s "$work/$target.report" ] && cat "$work/$target.report"
    line=$(cat "$work/$target.summary" 2>/dev/null || printf '%-15s FAIL   no summary' "$target")
    summary+=("$line")
    if [ "$(cat "$work/$target.status" 2>/dev/null)" != "ok" ]; then
        failed=1
        failures=$((failures + 1))
    fi
done

echo "== fuzz summary (corpus = inputs/bytes after the run; cov = after the seeds -> at the end)"
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
    echo "fuzz: findings above; their inputs are in $findings/"
    echo "fuzz: $((${#targets[@]} - failures)) passed, $failures failed"
    exit 1
fi
echo "fuzz: ${#targets[@]} passed, 0 failed"
