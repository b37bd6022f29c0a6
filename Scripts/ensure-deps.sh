#!/usr/bin/env bash
# Installs the system packages fazhi builds and draws with, once: Cairo, Pango, libpng and ISA-L (PNG encoding),
# SQLite (for GRDB), zlib (a zip entry inflated within its bytes), libxlsxwriter (XLSX tables), pandoc (the summary as DOCX), a CJK font, poppler-utils
# (pdftoppm), with which the Plot tests compare PDFs by their rendered page, poppler's GLib interface with
# poppler-data (PDF text, the Chinese CMaps), LibreOffice Writer headless (reads .doc and .wps; the tests also
# make their .doc and .pdf fixtures with it) and LibreOffice Calc headless, with which the table and export
# tests open the XLSX and CSV they write; Chromium, its driver and Selenium (Debian's python3-selenium), with
# which the test suite drives the review workbench (`fazhi review`) in a headless browser and
# Scripts/check-tree.sh (run by the tree tests) follows every link of a tree of pages.
# Does nothing when they are already there.
set -euo pipefail

have_deps() {
    command -v pkg-config >/dev/null 2>&1 &&
    pkg-config --exists pangocairo cairo libpng libisal sqlite3 poppler-glib xlsxwriter zlib &&
    [ -d /usr/share/poppler/cMap/Adobe-GB1 ] &&
    command -v pandoc >/dev/null 2>&1 &&
    { command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; } &&
    dpkg -s libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null 2>&1 &&
    command -v fc-list >/dev/null 2>&1 &&
    command -v pdftoppm >/dev/null 2>&1 &&
    command -v soffice >/dev/null 2>&1 && [ -e /usr/lib/libreoffice/program/pagein-calc ] &&
    fc-list ':lang=zh' family | grep -q 'Noto Sans CJK' &&
    command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 &&
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import selenium' >/dev/null 2>&1
}

if have_deps; then exit 0; fi

packages=(pkg-config libcairo2-dev libpango1.0-dev libpng-dev libisal-dev libsqlite3-dev zlib1g-dev libxlsxwriter-dev pandoc
          fonts-noto-cjk fontconfig poppler-utils libpoppler-glib-dev poppler-data
          libreoffice-writer-nogui libreoffice-calc-nogui chromium chromium-driver python3 python3-selenium)
echo "fazhi: installing ${packages[*]} (one time)…" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
have_deps || { echo "fazhi: the system packages are still missing after apt-get" >&2; exit 1; }
