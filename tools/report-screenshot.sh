#!/bin/sh
# Regenerates docs/report-sample.png (the HTML report of the bundled sample,
# conf/sample/pk2d.ini, from the top) and docs/report-first-screen.png (its
# first screen on a 1366x768 projector), rendered by headless Chromium. Run
# from the top of a checkout after building in BUILD (default _build/plain).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build/plain}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export PK2D_PLUGIN_PATH="$build/plugins" PK2D_DATA_DIR="$top/data"
"$build/src/pk2d" -q -c "$top/conf/sample/pk2d.ini" --store "$tmp/h.sqlite" report \
	-f html -o "$tmp/r.html"
shot() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$tmp/profile" --window-size="$1" \
		--screenshot="$top/docs/$2" "file://$tmp/r.html" 2>/dev/null
	echo "wrote docs/$2"
}
shot 1200,2300 report-sample.png
shot 1366,768 report-first-screen.png
