#!/bin/sh
# Regenerates docs/kabupaten-summary.png: the first screen (1366x768) of the
# single-file HTML report of a synthetic kabupaten (Kotabaru, 63.02, 202
# villages, from pk2d-synth), rendered by headless Chromium. Run from the top
# of a checkout after building in BUILD (default _build/plain).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/_build/plain}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export PK2D_PLUGIN_PATH="$build/plugins" PK2D_DATA_DIR="$top/data"
"$build/synth/pk2d-synth" -q --area 63.02 --seed 3 --model "$top/conf/models/ikk.ini" -o "$tmp/d"
"$build/src/pk2d" -q -c "$tmp/d/pk2d.ini" --store none report -f html -o "$tmp/r.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--hide-scrollbars --user-data-dir="$tmp/profile" --window-size=1366,768 \
	--screenshot="$top/docs/kabupaten-summary.png" "file://$tmp/r.html" 2>/dev/null
echo "wrote docs/kabupaten-summary.png"
