#!/usr/bin/env bash
# Fuzzes one reader with libFuzzer for a given time:  Scripts/fuzz.sh TARGET SECONDS
#   TARGET: decoder | html | docx | numbers | csv
# Compiles the reader's sources with the target in Fuzz/ (swiftc -sanitize=fuzzer,address -parse-as-library),
# seeds a corpus from the repository's reports and test inputs, and runs libFuzzer for SECONDS.
# Crashes are written to .build/fuzz/TARGET-crashes/; a crash makes the script exit non-zero.
# The other developers share the cores: run one target at a time, e.g. `nice -n 19 Scripts/fuzz.sh html 600`.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Scripts/fuzz.sh decoder|html|docx|numbers|csv SECONDS}"
seconds="${2:?usage: Scripts/fuzz.sh TARGET SECONDS}"
out=.build/fuzz
mkdir -p "$out"
[ -d .build/checkouts/ZIPFoundation ] && [ -d .build/checkouts/CSV.swift ] || swift package resolve >/dev/null

flags=(-O -g -sanitize=fuzzer,address -parse-as-library)
library() { # name sources…: a static library and its module, instrumented like the target
    local name="$1"; shift
    if [ ! -f "$out/lib$name.a" ]; then
        swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$name" \
            -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" "$@"
    fi
}

case "$target" in
    decoder|html|docx|numbers)
        library ZIPFoundation -Xcc -D_GNU_SOURCE=1 -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap \
            -I .build/checkouts/ZIPFoundation/Sources/CZLib .build/checkouts/ZIPFoundation/Sources/ZIPFoundation/*.swift
        # ReportText reads PDF through poppler's GLib interface: its headers and libraries from pkg-config.
        poppler=()
        for flag in $(pkg-config --cflags poppler-glib); do poppler+=(-Xcc "$flag"); done
        swiftc "${flags[@]}" -module-name ReportText -I "$out" -L "$out" -lZIPFoundation -lz \
            -Xcc -fmodule-map-file=.build/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap \
            -Xcc -fmodule-map-file=Sources/CInflate/module.modulemap \
            -Xcc -fmodule-map-file=Sources/CPoppler/module.modulemap "${poppler[@]}" \
            Sources/ReportText/*.swift "Fuzz/$target.swift" -o "$out/$target" ;;
    csv)
        library CSV .build/checkouts/CSV.swift/Sources/CSV/*.swift
        swiftc "${flags[@]}" -module-name Store -I "$out" -L "$out" -lCSV \
            Sources/Store/StrictCSV.swift "Fuzz/$target.swift" -o "$out/$target" ;;
    *) echo "unknown target $target (decoder|html|docx|numbers|csv)" >&2; exit 2 ;;
esac

# Seeds: the sample reports, and per target what its tests feed it.
corpus="$out/$target-corpus"
crashes="$out/$target-crashes"
mkdir -p "$corpus" "$crashes"
case "$target" in
    decoder|numbers) cp Data/reports/*.txt "$corpus/" ;;
    html) cp Charts/index.html "$corpus/" 2>/dev/null || true
          for f in Data/reports/*.txt; do
              { echo "<html><head><title>t</title><script>x</script></head><body><p>"; cat "$f"; echo "</p>&amp;&#21152;&nbsp;</body></html>"; } \
                  > "$corpus/$(basename "$f" .txt).html"
          done ;;
    docx) python3 - "$corpus" Data/reports/*.txt <<'PY'
import sys, zipfile, os, html
out = sys.argv[1]
for path in sys.argv[2:]:
    text = open(path, encoding='utf-8').read()
    body = ''.join('<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % html.escape(line) for line in text.splitlines())
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)
    with zipfile.ZipFile(os.path.join(out, os.path.basename(path) + '.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
        z.writestr('word/document.xml', doc)
PY
          ;;
    csv) cp Data/gazetteer/*.csv "$corpus/"
         printf 'township,county,year,indicator,value\n"=A1",x,2024,mediation.disputes,3\n"a""b\nc",y,2024,x,1\n' > "$corpus/quoted.csv"
         printf 'a,b\n"unterminated,1\n' > "$corpus/unterminated.csv" ;;
esac

# Known leaks in libraries, each explained in Fuzz/lsan.supp. FUZZ_FLAGS adds libFuzzer flags (-dict, …).
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
echo "fuzz: $target for $seconds s (corpus $corpus)" >&2
"$out/$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=20 \
    -artifact_prefix="$crashes/" -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus"
