#!/usr/bin/env bash
# The main job on the data in Data/: extract the sample reports into the store (applying
# Data/corrections.csv), draw the chart set, the briefing and the gallery into Charts/; then the
# same for the generated example county (示例县) into Charts/example/. Running it twice changes no file.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build -c release --product fazhi >&2
fazhi=.build/release/fazhi

# The five real sample reports.
"$fazhi" extract Data/reports --db Data/fazhi.sqlite --corrections Data/corrections.csv
"$fazhi" check --db Data/fazhi.sqlite
"$fazhi" charts --db Data/fazhi.sqlite --out Charts

# A fictional county of 30 townships over six years, to show what a county's chart set looks like.
"$fazhi" sample --townships 30 --years 2020-2025 --out Data/example
"$fazhi" extract Data/example/reports --db Data/example.sqlite --corrections Data/example-corrections.csv >/dev/null
ex=(--db Data/example.sqlite --roster Data/example/roster.csv)
"$fazhi" charts "${ex[@]}" --out Charts/example
# The paragraphs of the county's annual report, with footnotes naming the reports (shown in the README).
"$fazhi" summary --year 2025 --county 示例县 "${ex[@]}" --format md -o Charts/example/summary-2025.md
# One chart of each kind for the README, from the example county.
g=Charts/gallery
"$fazhi" chart trend petitions.closure_rate --township 例湖镇 --township 例江镇 "${ex[@]}" -o $g/trend.png
"$fazhi" chart rank mediation.disputes --year 2025 "${ex[@]}" -o $g/rank.png
"$fazhi" chart grouped petitions.received --years 2022-2025 --township 例湖镇 --township 例江镇 --township 例山镇 \
    --township 例溪乡 --township 例林街道 "${ex[@]}" -o $g/grouped.png
"$fazhi" chart heatmap mediation.resolution_rate "${ex[@]}" -o $g/heatmap.png
"$fazhi" chart small-multiples enforcement.certified_staff "${ex[@]}" -o $g/small-multiples.png
"$fazhi" chart slope legal.literates --years 2020-2025 "${ex[@]}" -o $g/slope.png
"$fazhi" chart scatter mediation.disputes publicity.events --year 2025 "${ex[@]}" -o $g/scatter.png
"$fazhi" profile 例江镇 "${ex[@]}" >/dev/null
echo "图表与简报 (charts and briefings): Charts/index.html, Charts/example/index.html" >&2
