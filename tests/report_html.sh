#!/bin/sh
# The HTML report opened in headless Chromium: the rendered DOM has the SVG
# charts and the tables, the hostile names arrive as text (no script element
# appears), and a screenshot can be taken. Skips (77) without Chromium.
set -u
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "SKIP: chromium is not installed (apt-get install chromium)"
	exit 77
fi
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
chrome() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$tmp/profile" "$@" 2>"$tmp/chrome.err"
}
"$PK2D_TOP_BUILDDIR/tests/report_sample" "$tmp" || { echo "FAIL: report_sample"; exit 1; }
chrome --dump-dom "file://$tmp/report.html" >"$tmp/dom.html" || fail "chromium --dump-dom"
count() {
	grep -o "$1" "$tmp/dom.html" | wc -l | tr -d ' '
}
# The kecamatan and its two villages: radar, bars, heat map and the scores
# over the stored periods each, the coverage series of the kecamatan and
# of the first village, each problem indicator over the periods (7), and
# the summary's villages by IKK and by the headline figure, the lowest
# indicators and the villages by category (4).
[ "$(count '<svg ')" = 25 ] || fail "expected 25 SVG charts, found $(count '<svg ')"
[ "$(count 'class="value"')" = 3 ] || fail "expected 3 radar polygons"
[ "$(count 'class="cell"')" -ge 9 ] || fail "heat map cells missing"
[ "$(count '<table')" -ge 20 ] || fail "expected the report's tables, found $(count '<table')"
[ "$(count '<script')" = 0 ] || fail "a script element was created from data"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Sang"' "$tmp/dom.html" ||
	fail "hostile village name not shown as text"
grep -q '<div class="ikk">69,87</div>' "$tmp/dom.html" || fail "IKK value"
grep -q 'Ringkasan desa' "$tmp/dom.html" || fail "village summary"
grep -q 'Data sintetis: &lt;b&gt;bukan&lt;/b&gt;' "$tmp/dom.html" || fail "footer note"
chrome --window-size=1200,1600 --screenshot="$tmp/shot.png" "file://$tmp/report.html" ||
	fail "chromium --screenshot"
size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
[ "$size" -gt 20000 ] || fail "screenshot is only $size bytes"
[ $failures -eq 0 ] || { cat "$tmp/chrome.err"; exit 1; }
echo "ok: DOM and screenshot"
