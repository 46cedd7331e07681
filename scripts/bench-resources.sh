#!/usr/bin/env bash
# Time and peak memory of `check` on one large pair: the repository's
# English-German corpora articles (corpora/pairs/*-de-*/ and de-en-*),
# concatenated in a fixed order and repeated until each side holds SIZE_MB.
#
#   scripts/bench-resources.sh [SIZE_MB...]   (default: 5 10)
#
# Prints one line per size: MB per side, wall and user seconds, peak RSS in KB.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(5 10)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for d in corpora/pairs/en-de-*/ corpora/pairs/de-en-*/; do
    cat "$d/en.md" >> "$work/unit.en.md"; printf '\n\n' >> "$work/unit.en.md"
    cat "$d/de.md" >> "$work/unit.de.md"; printf '\n\n' >> "$work/unit.de.md"
done
cargo build --release --quiet
for mb in "${sizes[@]}"; do
    for lang in en de; do
        : > "$work/$lang.md"
        while [ "$(stat -c %s "$work/$lang.md")" -lt $((mb * 1024 * 1024)) ]; do
            cat "$work/unit.$lang.md" >> "$work/$lang.md"
        done
    done
    printf '%s MB: ' "$mb"
    /usr/bin/time -f "%e s %U user %M KB" ./target/release/transalign check \
        "$work/en.md" "$work/de.md" --source-lang en --target-lang de \
        --format json -o /dev/null || [ $? -le 1 ]
done
