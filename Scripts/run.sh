#!/usr/bin/env bash
# The main job on the sample data in Data/: read the sample reports and print what fazhi finds.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build -c release --product fazhi >&2
.build/release/fazhi extract Data/reports --dry-run
