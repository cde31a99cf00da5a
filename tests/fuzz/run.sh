#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS (default 60).
#   tests/fuzz/run.sh [SECONDS] [TARGET…]
# Environment: FUZZ_JOBS  targets run at once (default: the number of cores)
#              FUZZ_BUILD build directory (default: build-fuzz)
#              FUZZ_FORK  1 = keep going after a crash and collect them all (default 0: stop at the first)
#              FUZZ_SEED  libFuzzer's random seed (CI fixes it so a smoke run is repeatable)
# Seeds: the files in ../shared/traces (when present), resources/samples, tests/fuzz/seeds and
# the regression inputs in tests/data/fuzz-regressions. Each target's corpus grows in
# FUZZ_BUILD/corpus/TARGET; crashes are saved as FUZZ_BUILD/crashes/TARGET-*; a summary line per
# target (runs, exec/s, coverage, crashes) is printed at the end. Exit 1 when a target crashed.
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(jaeger zipkin otlp chrome sniffer workspace compare protobuf http perfetto)
BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${FUZZ_JOBS:-$(nproc)}
SHARED=$ROOT/../shared/traces

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DTRACEDELTA_FUZZ=ON >/dev/null || exit 2
cmake --build "$BUILD" >/dev/null || exit 2

# seed FILE… into DIR, inflating .gz (except for the sniffer, which reads gzip itself), small files only.
seed() {
    local dir=$1 keepgz=$2
    shift 2
    mkdir -p "$dir"
    for f in "$@"; do
        [ -f "$f" ] || continue
        local name
        name=$(basename "$f")
        if [[ $f == *.gz && $keepgz == 0 ]]; then
            gzip -dc "$f" 2>/dev/null | head -c 65536 >"$dir/${name%.gz}"
        elif [ "$(stat -c %s "$f")" -le 65536 ]; then
            cp "$f" "$dir/$name"
        fi
    done
}

SEEDS=$BUILD/seeds
rm -rf "$SEEDS"
seed "$SEEDS/jaeger" 0 "$SHARED"/jaeger/* resources/samples/*.json
seed "$SEEDS/zipkin" 0 "$SHARED"/zipkin/*
seed "$SEEDS/otlp" 0 "$SHARED"/otlp/*
seed "$SEEDS/chrome" 0 "$SHARED"/chrome/*
seed "$SEEDS/sniffer" 1 "$SHARED"/*/* resources/samples/*.json
seed "$SEEDS/workspace" 0 tests/fuzz/seeds/workspace/*
seed "$SEEDS/protobuf" 0 tests/data/otlp-proto/*.binpb
seed "$SEEDS/http" 0 tests/fuzz/seeds/http/*
seed "$SEEDS/perfetto" 0 tests/fixtures/chromium-proto/*.pftrace.gz
mkdir -p "$SEEDS/compare"
pair() { [ -f "$1" ] && [ -f "$2" ] && { cat "$1"; printf '\n--8<--\n'; cat "$2"; } >"$SEEDS/compare/$3"; }
pair resources/samples/inference-normal-1.json resources/samples/inference-spike.json samples
pair "$SHARED/jaeger/stats-normal.json" "$SHARED/jaeger/stats-overlapping-children.json" jaeger-stats
pair "$SHARED/zipkin/yelp.json" "$SHARED/zipkin/netflix.json" zipkin-pair
pair "$SHARED/chrome/te-simple.json" "$SHARED/chrome/te-out-of-order.json" chrome-pair
pair "$SHARED/otlp/otlp-in.json" "$SHARED/otlp/jaeger-example-trace.json" otlp-pair
for f in tests/data/fuzz-regressions/*; do
    [ -f "$f" ] || continue
    t=$(basename "$f"); t=${t%%-*}
    mkdir -p "$SEEDS/$t" && cp "$f" "$SEEDS/$t/"
done

mkdir -p "$BUILD/crashes" "$BUILD/logs"
run_target() {
    local t=$1
    mkdir -p "$BUILD/corpus/$t"
    local extra=()
    [ "${FUZZ_FORK:-0}" = 1 ] && extra=(-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1)
    [ -n "${FUZZ_SEED:-}" ] && extra+=(-seed="$FUZZ_SEED")
    "$BUILD/tests/fuzz/fuzz_$t" "$BUILD/corpus/$t" "$SEEDS/$t" -dict="tests/fuzz/dict/$t.dict" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=20 -rss_limit_mb=2560 \
        -artifact_prefix="$BUILD/crashes/$t-" -print_final_stats=1 "${extra[@]}" >"$BUILD/logs/$t.log" 2>&1
}
running=0
for t in "${TARGETS[@]}"; do
    run_target "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

status=0
for t in "${TARGETS[@]}"; do
    log=$BUILD/logs/$t.log
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    crashes=$(ls "$BUILD/crashes/$t-"* 2>/dev/null | wc -l)
    printf '%-10s runs %-10s exec/s %-7s %-22s crashes %s\n' "$t" "${runs:-?}" "${speed:-?}" "${cov:-?}" "$crashes"
    [ "$crashes" -gt 0 ] && status=1
    grep -q 'ERROR: \(AddressSanitizer\|libFuzzer\|UndefinedBehaviorSanitizer\)\|runtime error' "$log" && status=1
done
exit $status
