#!/usr/bin/env bash
# Installs the system packages fazhi builds and draws with, once: Cairo, Pango, libpng and ISA-L (PNG encoding),
# SQLite (for GRDB), a CJK font, poppler-utils (pdftoppm), with which the Plot tests compare PDFs by their
# rendered page, and LibreOffice Calc (headless), with which a test opens an export as a spreadsheet would.
# Does nothing when they are already there.
set -euo pipefail

have_deps() {
    command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists pangocairo cairo libpng libisal sqlite3 zlib &&
    command -v fc-list >/dev/null 2>&1 &&
    command -v pdftoppm >/dev/null 2>&1 &&
    command -v soffice >/dev/null 2>&1 && [ -e /usr/lib/libreoffice/program/pagein-calc ] &&
    fc-list ':lang=zh' family | grep -q 'Noto Sans CJK'
}

if have_deps; then exit 0; fi

packages=(pkg-config libcairo2-dev libpango1.0-dev libpng-dev libisal-dev libsqlite3-dev zlib1g-dev fonts-noto-cjk fontconfig poppler-utils
          libreoffice-calc-nogui)
echo "fazhi: installing ${packages[*]} (one time)…" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
have_deps || { echo "fazhi: the system packages are still missing after apt-get" >&2; exit 1; }
