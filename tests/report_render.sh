#!/bin/sh
# The sample village's HTML report laid out by headless Chromium in a frame
# of 1366x768 (a projector) and of 390x844 (a phone): a small script, added
# to a copy of the report, measures the layout and hands it to the page
# around the frame, whose DOM Chromium dumps. On the projector the whole
# summary (and so the IKK) is on the first screen; at both sizes the page
# never scrolls sideways, no table runs past the screen (a wide one
# scrolls in its own box), no chart text is under 16 px, and the charts'
# legends are there. Skips (77) without Chromium.
set -u
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "SKIP: chromium is not installed (apt-get install chromium)"
	exit 77
fi
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
chrome() {
	timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --hide-scrollbars --user-data-dir="$tmp/profile" "$@" 2>"$tmp/chrome.err"
}
mkdir "$tmp/s"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/s/"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
"$PK2D_TOP_BUILDDIR/src/pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/r.html" ||
	fail "pk2d report"

# The report with the measuring script at the end of its body.
cat >"$tmp/probe.js" <<'EOS'
<script>
(function () {
	var d = document.documentElement, vw = d.clientWidth;
	function bottom(sel) {
		var e = document.querySelector(sel);
		return e ? Math.ceil(e.getBoundingClientRect().bottom) : 1e9;
	}
	var cut = 0, small = 0;
	[].forEach.call(document.querySelectorAll('table'), function (t) {
		if (t.getBoundingClientRect().right > vw + 1) cut++;
	});
	[].forEach.call(document.querySelectorAll('svg text'), function (t) {
		if (parseFloat(getComputedStyle(t).fontSize) < 16) small++;
	});
	parent.postMessage(['vw=' + vw, 'vh=' + window.innerHeight, 'page=' + d.scrollWidth,
		'ikk=' + bottom('.glance .ikk'), 'glance=' + bottom('.glance'),
		'tables_cut=' + cut, 'small_text=' + small,
		'legends=' + document.querySelectorAll('svg .legend').length].join(' '), '*');
})();
</script>
EOS
awk -v f="$tmp/probe.js" 'BEGIN { while ((getline l < f) > 0) p = p l "\n" }
	/<\/body>/ { sub(/<\/body>/, p "</body>") } { print }' "$tmp/r.html" >"$tmp/probe.html"

# measure W H: the report in a frame of W x H; prints the script's figures.
measure() {
	cat >"$tmp/frame$1.html" <<EOS
<!DOCTYPE html><html><body style="margin:0"><pre id="probe"></pre>
<script>window.addEventListener('message', function (e) {
	document.getElementById('probe').textContent = e.data; });</script>
<iframe src="probe.html" style="border:0;width:$1px;height:$2px"></iframe></body></html>
EOS
	chrome --window-size=1400,900 --virtual-time-budget=3000 --dump-dom \
		"file://$tmp/frame$1.html" | sed -n 's/.*<pre id="probe">\([^<]*\)<.*/\1/p'
}
# fig NAME FIGURES: the number after NAME=.
fig() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

wide=$(measure 1366 768)
[ -n "$wide" ] || { cat "$tmp/chrome.err"; fail "1366x768: no measurement"; }
phone=$(measure 390 844)
[ -n "$phone" ] || { cat "$tmp/chrome.err"; fail "390x844: no measurement"; }
echo "1366x768: $wide"
echo "390x844: $phone"
[ "$(fig vh "$wide")" -eq 768 ] || fail "the frame is not 768 high: $wide"
[ "$(fig ikk "$wide")" -le 768 ] || fail "1366x768: the IKK is below the first screen"
[ "$(fig glance "$wide")" -le 768 ] || fail "1366x768: the summary runs past the first screen"
for m in "$wide" "$phone"; do
	[ "$(fig page "$m")" -le "$(fig vw "$m")" ] || fail "the page scrolls sideways: $m"
	[ "$(fig tables_cut "$m")" -eq 0 ] || fail "a table runs past the screen: $m"
	[ "$(fig small_text "$m")" -eq 0 ] || fail "chart text under 16 px: $m"
	# The radar's, the bars' and the heat map's legends.
	[ "$(fig legends "$m")" -ge 3 ] || fail "legends missing: $m"
done

[ "$failures" -eq 0 ] || exit 1
echo "ok: the summary on the first screen, nothing cut at 390 px, legends, 16 px text"
