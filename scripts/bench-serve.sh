#!/usr/bin/env bash
# Load benchmark of `transalign serve` (docs/benchmarks.md): CLIENTS
# concurrent clients post the seed pair to /api/check for SECONDS seconds,
# with wrk, against a release build on a free loopback port. Prints wrk's
# figures (checks/s, latency percentiles, errors, non-2xx answers), the
# server's resident memory every 5 s and its peak.
#
#   scripts/bench-serve.sh [SECONDS] [CLIENTS]     (default: 60 32)
#   SERVE_ARGS=--no-dictionaries scripts/bench-serve.sh   (more options for `serve`)
#
# Needs wrk (apt-get install -y wrk). The pair is ../shared/corpora/seed,
# or a corpora/ pair of about the same size when that is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
seconds="${1:-60}"
clients="${2:-32}"
command -v wrk >/dev/null || { echo "bench-serve: needs wrk: apt-get install -y wrk" >&2; exit 2; }

seed_pair
cargo build --release --quiet
work="$(mktemp -d)"
# shellcheck disable=SC2086 # SERVE_ARGS is a list of options
./target/release/transalign serve --bind 127.0.0.1:0 ${SERVE_ARGS:-} 2>"$work/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    grep -q 'listening on' "$work/serve.log" && break
    sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/serve.log" | head -n1)"
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
head -n1 "$work/serve.log"

# The request body, and a wrk script that posts it.
python3 - "$orig" "$trans" >"$work/body.json" <<'PY'
import json, sys
print(json.dumps({"original": open(sys.argv[1]).read(),
                  "translation": open(sys.argv[2]).read(), "format": "markdown"}))
PY
cat >"$work/post.lua" <<LUA
local f = io.open("$work/body.json", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA
echo "pair: $orig + $trans ($(stat -c %s "$work/body.json") bytes of JSON); $clients clients, ${seconds} s"

rss() { awk '/^VmRSS/ {print $2}' "/proc/$server/status"; }
# The server's CPU time (user + system) in clock ticks.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_before="$(cpu)"
echo "RSS before: $(rss) KB"
(
    while kill -0 "$server" 2>/dev/null; do
        sleep 5
        printf '%s ' "$(rss)"
    done
) >"$work/rss.txt" 2>/dev/null &
sampler=$!
wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s --latency -s "$work/post.lua" "${url}api/check"
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
cpu_after="$(cpu)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RSS every 5 s (KB): $(cat "$work/rss.txt")"
echo "RSS after: $(rss) KB; peak (VmHWM): $(awk '/^VmHWM/ {print $2}' "/proc/$server/status") KB"
statuses="$(grep -c 'POST /api/check 200 ' "$work/serve.log" || true)"
others="$(grep 'POST /api/check ' "$work/serve.log" | grep -vc 'POST /api/check 200 ' || true)"
echo "access log: $statuses answered 200, $others answered otherwise"
ticks="$(getconf CLK_TCK)"
awk -v c=$((cpu_after - cpu_before)) -v t="$ticks" -v n="$statuses" 'BEGIN {
    printf "server CPU: %.1f s for %d checks = %.2f ms per check (%.0f checks/s per free core)\n",
        c / t, n, 1000 * c / t / n, n / (c / t) }' 
kill -TERM "$server"
wait "$server"
echo "server stopped with exit code $?"
