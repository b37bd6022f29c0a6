#!/usr/bin/env bash
# Opens the gallery pages that Scripts/run.sh writes (Charts/index.html, Charts/example/index.html)
# in headless Chromium, offline, and saves a screenshot of each to out/. Fails when a page links
# a file that is not there or when Chromium cannot render it. Installs Chromium (apt) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
    echo "check-gallery: installing chromium (one time)…" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium >/dev/null
fi

mkdir -p out
status=0
for page in Charts/index.html Charts/example/index.html; do
    [ -f "$page" ] || { echo "check-gallery: $page is missing: run ./Scripts/run.sh first" >&2; status=1; continue; }
    folder=$(dirname "$page")
    # Every image and link of the page is a file beside it: the page must work offline.
    while read -r target; do
        [ -f "$folder/$target" ] || { echo "check-gallery: $page links $target, which is not there" >&2; status=1; }
    done < <(grep -oE '(src|href)="[^"#][^"]*"' "$page" | sed -E 's/^(src|href)="(.*)"$/\2/' | sort -u)
    shot="out/gallery-$(echo "$folder" | tr '/' '-').png"
    rm -f "$shot"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --allow-file-access-from-files \
        --window-size=1280,2400 --virtual-time-budget=5000 --screenshot="$shot" "file://$PWD/$page" >/dev/null 2>&1 || true
    size=$(stat -c %s "$shot" 2>/dev/null || echo 0)
    # A blank page compresses to a few kilobytes; a rendered gallery with its charts is hundreds.
    if [ "$size" -lt 100000 ]; then
        echo "check-gallery: Chromium did not render $page (screenshot $size bytes)" >&2
        status=1
    else
        echo "check-gallery: $page rendered → $shot ($((size / 1024)) KB)" >&2
    fi
done
exit $status
