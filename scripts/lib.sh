# Shared by the scripts in this folder. Source it after `cd` to the
# repository root:   . scripts/lib.sh

# Sets $orig and $trans to the seed pair (../shared/corpora/seed, en.md and
# de.md) when it is there, else to a corpora/ pair of about the same size.
seed_pair() {
    if [ -f ../shared/corpora/seed/en.md ] && [ -f ../shared/corpora/seed/de.md ]; then
        orig=../shared/corpora/seed/en.md
        trans=../shared/corpora/seed/de.md
    else
        orig=corpora/pairs/en-de-brenner-tunnel/en.md
        trans=corpora/pairs/en-de-brenner-tunnel/de.md
    fi
}

# Creates the folder $1 and prints its absolute path.
absolute_dir() {
    mkdir -p "$1"
    (cd "$1" && pwd)
}

# Sets $browser to a headless-capable Chromium, or to "" when none is found.
find_browser() {
    browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
}

# Runs $browser headless with a throw-away profile and the given arguments;
# its own chatter goes to /dev/null.
chrome() {
    local profile
    profile="$(mktemp -d)"
    "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$profile" "$@" 2>/dev/null
    rm -rf "$profile"
}
