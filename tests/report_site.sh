#!/bin/sh
# pk2d report --site DIR on a small kabupaten of the generator (Kota
# Banjarbaru, 63.72: 5 kecamatan, 20 villages): one page per area and per
# village and an index; every link is relative and its target exists;
# every page links up to its parent (rel="up") and down to each area under
# it (tests/site_links.py); each wide page opens with the same summary (the
# parts ranked); the site alone prints no report; a site where a file is in
# the way of the folder fails with status 1 and says why.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
synth=$PK2D_TOP_BUILDDIR/synth/pk2d-synth
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
"$synth" --data "$PK2D_DATA_DIR" -q --area 63.72 --seed 4 --kk 30 --rt 3 \
	--plugins family,health,education,pkk --model ../models/ikk.ini -o "$tmp/d" ||
	{ echo "FAIL: pk2d-synth"; exit 1; }
"$pk2d" -q -c "$tmp/d/pk2d.ini" --store none report --site "$tmp/site" >"$tmp/out" ||
	fail "pk2d report --site"
[ -s "$tmp/out" ] && fail "the site alone printed a report"
pages=$(ls "$tmp/site" | grep -c '^63\.72[0-9.]*\.html$')
[ "$pages" -eq 26 ] || fail "expected 26 pages (kabupaten, 5 kecamatan, 20 villages), found $pages"
grep -q 'url=63.72.html' "$tmp/site/index.html" || fail "index.html does not lead to 63.72.html"
grep -q '<a href="63.72.html">Kota Banjarbaru</a>' "$tmp/site/index.html" ||
	fail "index.html's link does not say the area's name: $(cat "$tmp/site/index.html")"
ls "$tmp/site" | grep -q tmp && fail "a temporary file was left in the site"

levels=$(python3 "$PK2D_TOP_SRCDIR/tests/site_links.py" "$tmp/site" 63.72) ||
	{ echo "$levels"; fail "the site's links"; }
[ "$(echo "$levels" | head -n 1)" = "pages by level: 1 5 20" ] ||
	fail "expected the kabupaten, its 5 kecamatan and 20 villages: $levels"
grep -q '<h3>Skor per Desa/Kelurahan</h3>' "$tmp/site/63.72.02.html" ||
	fail "a kecamatan page's heat map is not of its villages"

# The kabupaten's page rendered by headless Chromium at 1366x768 (when it
# is installed): the DOM has the links down, the ranked charts with their
# lines' legends, and the screenshot is taken.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
	chrome() {
		timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
			--no-first-run --disable-background-networking --disable-component-update \
			--disable-sync --hide-scrollbars --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chrome.err"
	}
	chrome --window-size=1366,768 --dump-dom "file://$tmp/site/63.72.html" >"$tmp/dom.html" ||
		fail "chromium --dump-dom"
	[ "$(grep -o '<li><a href="63\.72\.0[0-9]\.html">' "$tmp/dom.html" | wc -l)" -eq 5 ] ||
		fail "rendered: the 5 kecamatan links"
	[ "$(grep -o '<svg ' "$tmp/dom.html" | wc -l)" -ge 5 ] || fail "rendered: the ranked charts"
	grep -q '>Garis perhatian 75</text></g>' "$tmp/dom.html" ||
		fail "rendered: the attention line's legend"
	grep -q '>Target 14</text></g>' "$tmp/dom.html" ||
		fail "rendered: the stunting target's legend"
	chrome --window-size=1366,768 --screenshot="$tmp/kab.png" "file://$tmp/site/63.72.html" ||
		fail "chromium --screenshot"
	[ "$(wc -c <"$tmp/kab.png" 2>/dev/null || echo 0)" -gt 20000 ] || fail "screenshot too small"
else
	echo "note: chromium is not installed: the rendered check is skipped"
fi

# A file in the way of the folder: status 1, the reason, nothing written.
: > "$tmp/file"
"$pk2d" -q -c "$tmp/d/pk2d.ini" --store none report --site "$tmp/file/site" 2>"$tmp/err"
[ $? -eq 1 ] || fail "a site under a file did not fail with status 1"
grep -q "$tmp/file/site: cannot create the directory" "$tmp/err" ||
	fail "no reason for the failed site: $(cat "$tmp/err")"
[ $failures -eq 0 ] || exit 1
echo "ok: the site's $pages pages link up and down"
