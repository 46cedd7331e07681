#!/usr/bin/env bash
# Batch throughput: N copies of the repository's news-length corpora pairs
# (corpora/pairs/*/), checked by `transalign batch` with the release build.
#
#   scripts/bench-batch.sh [N_PAIRS] [JOBS] [FORMAT]   (default: 400 2 html)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-400}"; jobs="${2:-2}"; format="${3:-html}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/orig" "$work/trans"
mapfile -t pairs < <(ls -d corpora/pairs/*/ | sort)
for ((i = 0; i < n; i++)); do
    d="${pairs[i % ${#pairs[@]}]}"
    mapfile -t docs < <(ls "$d" | grep -Ev '^(README.md|expected.json)$' | sort)
    # The pair's directory name starts with SRC-TGT.
    src="$(basename "$d" | cut -d- -f1)"; tgt="$(basename "$d" | cut -d- -f2)"
    for f in "${docs[@]}"; do
        ext="${f##*.}"
        case "${f%.*}" in
            "$src") cp "$d$f" "$work/orig/p$i.$ext" ;;
            "$tgt") cp "$d$f" "$work/trans/p$i.$ext" ;;
        esac
    done
done
cargo build --release --quiet
start=$(date +%s.%N)
./target/release/transalign batch "$work" -o "$work/out" -j "$jobs" --format "$format" >/dev/null || [ $? -le 1 ]
end=$(date +%s.%N)
count=$(ls "$work/orig" | wc -l)
awk -v n="$count" -v s="$start" -v e="$end" -v j="$jobs" \
    'BEGIN { t = e - s; printf "%d pairs, %d threads: %.2f s, %.0f pairs/s\n", n, j, t, n / t }'
