#!/usr/bin/env bash
# Runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build
# The review workbench end to end in headless Chromium (Selenium): correct a value by keyboard, see it in the
# store, the corrections file, compare and the redrawn gallery; sessions, extract, origins; page load times.
/usr/bin/python3 Tests/Browser/review_test.py "$(swift build --show-bin-path)/fazhi"
