#!/usr/bin/env bash
# Remakes docs/report.png and docs/report-benchmarks.png: a quick benchmark run,
# the HTML report with its charts, and Debian's headless Chromium. About 90 s.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product guidecheck >/dev/null
guidecheck=.build/release/guidecheck
"$guidecheck" bench --quick --quiet --json "$work/bench.json" >/dev/null
"$guidecheck" report --quiet --html "$work/site" --bench-json "$work/bench.json" >/dev/null
# The second picture starts at the benchmarks: the same page without the questions.
perl -0pe 's/<section class="question" id="Q\d+">.*?<\/section>\s*//gs' "$work/site/index.html" >"$work/site/benchmarks.html"

shoot() { chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" --screenshot="$2" "file://$3" 2>/dev/null; }
shoot 1280,1800 docs/report.png "$work/site/index.html"
shoot 1280,2560 docs/report-benchmarks.png "$work/site/benchmarks.html"
ls -l docs/report.png docs/report-benchmarks.png
