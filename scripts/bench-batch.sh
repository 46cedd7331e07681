#!/usr/bin/env bash
# Batch throughput: N copies of one seed-size pair, checked by
# `transalign batch` with the release build; prints pairs per second.
#
#   scripts/bench-batch.sh [N_PAIRS] [JOBS] [FORMAT] [RUNS]   (default: 300 2 html 3)
#
# The pair is ../shared/corpora/seed (en.md original, de.md translation)
# when present, else corpora/pairs/en-de-brenner-tunnel. The input folder
# (orig/ and trans/ with the same file names) and the reports are written
# to a temporary folder, removed afterwards. Each run is timed on its own;
# set CALLGRIND=1 to count instructions instead (one run, -j 1), printed
# per pair; TRANSALIGN=BINARY to measure another build; BATCH_ARGS for
# more options of `batch` (BATCH_ARGS=--no-dictionaries, for one).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"; jobs="${2:-2}"; format="${3:-html}"; runs="${4:-3}"
if [ -f ../shared/corpora/seed/en.md ] && [ -f ../shared/corpora/seed/de.md ]; then
    src=../shared/corpora/seed/en.md; tgt=../shared/corpora/seed/de.md
else
    src=corpora/pairs/en-de-brenner-tunnel/en.md; tgt=corpora/pairs/en-de-brenner-tunnel/de.md
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/orig" "$work/in/trans"
for ((i = 0; i < n; i++)); do
    cp "$src" "$work/in/orig/p$i.md"
    cp "$tgt" "$work/in/trans/p$i.md"
done
# TRANSALIGN=path/to/binary measures another build (no cargo build then).
if [ -n "${TRANSALIGN:-}" ]; then
    bin="$TRANSALIGN"
else
    cargo build --release --quiet
    bin=./target/release/transalign
fi
echo "pair: $src -> $tgt, $n copies, --format $format"
if [ "${CALLGRIND:-0}" = 1 ]; then
    # shellcheck disable=SC2086 # BATCH_ARGS is a list of options
    valgrind --tool=callgrind --callgrind-out-file="$work/cg" \
        "$bin" batch "$work/in" -o "$work/out" -j 1 --format "$format" ${BATCH_ARGS:-} >/dev/null 2>"$work/vg" || true
    total=$(grep -o 'refs: *[0-9,]*' "$work/vg" | tr -d ', ' | cut -d: -f2)
    awk -v t="$total" -v n="$n" 'BEGIN { printf "%d pairs, -j 1: %.0f M instructions, %.2f M per pair\n", n, t / 1e6, t / n / 1e6 }'
    exit 0
fi
for ((r = 0; r < runs; r++)); do
    rm -rf "$work/out"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # BATCH_ARGS is a list of options
    "$bin" batch "$work/in" -o "$work/out" -j "$jobs" --format "$format" ${BATCH_ARGS:-} >/dev/null || [ $? -le 1 ]
    end=$(date +%s.%N)
    reports=$(find "$work/out" -type f -name "*.$format" ! -name index.html | wc -l)
    awk -v n="$n" -v s="$start" -v e="$end" -v j="$jobs" -v r="$reports" \
        'BEGIN { t = e - s; printf "%d pairs (%d reports), %d threads: %.2f s, %.0f pairs/s\n", n, r, j, t, n / t }'
done
