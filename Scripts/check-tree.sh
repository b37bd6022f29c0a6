#!/usr/bin/env bash
# check-tree.sh DIR: opens DIR/index.html, the root of a tree of pages that `fazhi charts --by` drew, in
# headless Chromium and follows every link and image from page to page (Scripts/check-tree.html, one
# Chromium run); fails on a dead link, a page it cannot read, or when it reads fewer than --min-pages
# pages (default 2). Prints `pages N links M dead D`. Installs Chromium (apt) when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:?usage: check-tree.sh DIR [MIN_PAGES]}"
min="${2:-2}"
root="$(cd "$dir" && pwd)/index.html"
[ -f "$root" ] || { echo "check-tree: $root is missing" >&2; exit 1; }
if ! command -v chromium >/dev/null 2>&1; then
    echo "check-tree: installing chromium (one time)…" >&2
    sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote("file://" + sys.argv[1], safe=""))' "$root")"
out="$(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --allow-file-access-from-files \
    --virtual-time-budget=600000 --dump-dom "file://$here/check-tree.html?root=$encoded" 2>/dev/null \
    | python3 -c 'import html, re, sys; m = re.search(r"<pre id=\"out\">(.*?)</pre>", sys.stdin.read(), re.S); print(html.unescape(m.group(1)) if m else "")')"
echo "$out" >&2
summary="$(echo "$out" | tail -1)"
[[ "$summary" =~ ^pages\ ([0-9]+)\ links\ ([0-9]+)\ dead\ ([0-9]+)$ ]] || { echo "check-tree: Chromium gave no result" >&2; exit 1; }
pages="${BASH_REMATCH[1]}"; dead="${BASH_REMATCH[3]}"
if [ "$dead" -ne 0 ]; then echo "check-tree: $dead dead links" >&2; exit 1; fi
if [ "$pages" -lt "$min" ]; then echo "check-tree: only $pages pages read, expected at least $min" >&2; exit 1; fi
echo "check-tree: $pages pages, no dead link" >&2
