#!/bin/sh
# Regenerates the pictures of the HTML report in docs/, rendered by headless
# Chromium: report-sample.png (the bundled sample, conf/sample/pk2d.ini, from
# the top), report-first-screen.png (its first screen on a 1366x768
# projector) and kabupaten-summary.png (the first screen of the single-file
# report of a synthetic kabupaten: Kotabaru, 63.02, 202 villages, from
# pk2d-synth). Run from the top of a checkout after building in BUILD
# (default _build/plain).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build/plain}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export PK2D_PLUGIN_PATH="$build/plugins" PK2D_DATA_DIR="$top/data"
pk2d=$build/src/pk2d

# shot HTML WIDTH,HEIGHT PNG
shot() {
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$tmp/profile" --window-size="$2" \
		--screenshot="$top/docs/$3" "file://$1" 2>/dev/null
	echo "wrote docs/$3"
}

"$pk2d" -q -c "$top/conf/sample/pk2d.ini" --store "$tmp/h.sqlite" report -f html -o "$tmp/village.html"
shot "$tmp/village.html" 1200,2300 report-sample.png
shot "$tmp/village.html" 1366,768 report-first-screen.png

"$build/synth/pk2d-synth" -q --area 63.02 --seed 3 --model "$top/conf/models/ikk.ini" -o "$tmp/d"
"$pk2d" -q -c "$tmp/d/pk2d.ini" --store none report -f html -o "$tmp/kabupaten.html"
shot "$tmp/kabupaten.html" 1366,768 kabupaten-summary.png
