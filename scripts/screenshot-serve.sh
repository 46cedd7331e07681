#!/usr/bin/env bash
# Looks at `transalign serve` in a real browser (docs/serve.md): starts the
# server on a free loopback port, screenshots the form at `/` with headless
# Chromium at phone (390 px) and desktop (1280 px) width, posts the form
# with a pair, and screenshots the report it answers.
#
#   scripts/screenshot-serve.sh [OUT_DIR]     (default: target/screenshots)
#
# Skips (exit 0, with a note) when no Chromium is installed: apt-get install -y chromium
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
out="$(absolute_dir "${1:-target/screenshots}")"

find_browser
if [ -z "$browser" ]; then
    echo "screenshot-serve: no Chromium found; skipped (apt-get install -y chromium)" >&2
    exit 0
fi

seed_pair
cargo build --quiet
work="$(mktemp -d)"
./target/debug/transalign serve --bind 127.0.0.1:0 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    grep -q 'listening on' "$work/serve.log" && break
    sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/serve.log" | head -n1)"
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
echo "server at $url"

chrome --window-size=1280,1400 --screenshot="$out/serve-form-desktop.png" "$url" >/dev/null
chrome --window-size=390,2400 --screenshot="$out/serve-form-phone.png" "$url" >/dev/null
echo "$out/serve-form-desktop.png"
echo "$out/serve-form-phone.png"

# The page has no script at all (tests/serve.rs checks that); the form the
# browser built must hold every field.
dom="$(chrome --dump-dom "$url")"
for field in original translation original_file translation_file source_lang target_lang format show min_severity fail_on ignore; do
    grep -q "name=\"$field\"" <<<"$dom" || { echo "screenshot-serve: the form lacks $field" >&2; exit 1; }
done

# Chromium posts the form itself: a local page holding the same form,
# filled with the pair, submits it on load, and the screenshots show what
# the server answered (the report).
python3 - "$orig" "$trans" "$url" >"$work/post.html" <<'PY'
import html, sys
orig, trans, url = (open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3])
print(f"""<!DOCTYPE html><meta charset="utf-8">
<form method="post" action="{html.escape(url)}check" enctype="multipart/form-data">
<textarea name="original">{html.escape(orig)}</textarea>
<textarea name="translation">{html.escape(trans)}</textarea>
<input type="hidden" name="format" value="markdown">
</form><script>document.forms[0].submit()</script>""")
PY
shoot_post() { # width height png
    chrome --window-size="$1,$2" --virtual-time-budget=15000 --screenshot="$3" "file://$work/post.html" >/dev/null
    echo "$3"
}
shoot_post 1280 2000 "$out/serve-report-desktop.png"
shoot_post 390 1600 "$out/serve-report-phone.png"
report="$(chrome --virtual-time-budget=15000 --dump-dom "file://$work/post.html")"
grep -q 'Check another pair' <<<"$report" ||
    { echo "screenshot-serve: the posted form did not show the report" >&2; exit 1; }
grep -q -- '--head:' <<<"$report" ||
    { echo "screenshot-serve: the report's script did not run under its CSP" >&2; exit 1; }
echo "the posted form shows the report; its script ran"
kill -TERM "$server"
wait "$server"
echo "server stopped with exit code $?"
