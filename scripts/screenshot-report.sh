#!/usr/bin/env bash
# Renders HTML reports and screenshots them with headless Chromium, to look
# at the page in a real browser (docs/html-report.md).
#
#   scripts/screenshot-report.sh [OUT_DIR]     (default: target/screenshots)
#
# Pages: the seed pair (../shared/corpora/seed, or a corpora/ pair when it
# is absent), the test fixture with one finding of every kind, and the index
# of a batch over the English-original pairs of corpora/pairs (with a file
# it skips), each at desktop (1280 px) and phone (390 px) width.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
out="$(absolute_dir "${1:-target/screenshots}")"

find_browser
if [ -z "$browser" ]; then
    echo "screenshot-report: no Chromium found; install it with: apt-get install -y chromium" >&2
    exit 2
fi

seed_pair
cargo build --quiet
# Exit 1 only means findings.
./target/debug/transalign check "$orig" "$trans" --format html -o "$out/seed.html" || [ $? -eq 1 ]
TRANSALIGN_SAMPLE_HTML="$out/sample.html" cargo test --quiet --test reports_html sample_page_for_screenshots >/dev/null

# A batch: corpora/pairs/en-XX-NAME/{en,XX}.EXT become NAME.en.EXT and
# NAME.XX.EXT in one folder; a lonely original fills the "Not checked" list.
batch_in="$out/batch-in"
rm -rf "$batch_in" "$out/batch"
mkdir -p "$batch_in"
for dir in corpora/pairs/en-*/; do
    name="$(basename "$dir")"
    lang="${name:3:2}"
    for original in "$dir"en.*; do
        ext="${original##*.}"
        cp "$original" "$batch_in/$name.en.$ext"
        cp "$dir$lang.$ext" "$batch_in/$name.$lang.$ext"
    done
done
cp corpora/pairs/en-de-brenner-tunnel/en.md "$batch_in/lonely-original.en.md"
./target/debug/transalign batch "$batch_in" -o "$out/batch" --source-lang en --quiet 2>/dev/null ||
    [ $? -eq 1 ]

shoot() { # page width height png
    chrome --window-size="$2,$3" --screenshot="$4" "file://$1" >/dev/null
    echo "$4"
}
for page in seed sample batch/index batch/en-de-brenner-tunnel.en-de; do
    png="${page//\//-}"
    shoot "$out/$page.html" 1280 2000 "$out/$png-desktop.png"
    shoot "$out/$page.html" 390 1600 "$out/$png-phone.png"
done

# The page's script must run under its own Content-Security-Policy: it sets
# --head on <html>; a blocked script would leave it unset.
dom="$(chrome --dump-dom "file://$out/sample.html")"
if grep -q -- '--head:' <<<"$dom"; then
    echo "script ran under the page's CSP"
else
    echo "screenshot-report: the page's script did not run (CSP hash mismatch?)" >&2
    exit 1
fi
