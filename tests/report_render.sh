#!/bin/sh
# HTML reports laid out by headless Chromium in a frame of 1366x768 (a
# projector) and of 390x844 (a phone): a small script, added to a copy of
# each report, measures the layout and hands it to the page around the
# frame, whose DOM Chromium dumps. The sample village: on the projector the
# whole summary (and so the IKK) is on the first screen. A kabupaten of the
# generator (63.72, 5 kecamatan), its single file: on the projector the first
# screen shows its name, its IKK and category and its kecamatan ranked by
# IKK (the chart's first bars). The same kabupaten's site (--site): its
# kabupaten, kecamatan and village pages likewise, each page's IKK on the
# first screen. At both sizes no page scrolls sideways, no table runs past
# the screen (a wide one scrolls in its own box), no chart text is under
# 16 px, and the charts' legends are there. Skips (77) without Chromium.
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

# The measuring script, added at the end of a report's body.
cat >"$tmp/probe.js" <<'EOS'
<script>
(function () {
	var d = document.documentElement, vw = d.clientWidth;
	function bottom(sel, i) {
		var l = document.querySelectorAll(sel), e = l[Math.min(i || 0, l.length - 1)];
		return e ? Math.ceil(e.getBoundingClientRect().bottom) : 1e9;
	}
	var cut = 0, font = 1e9, boxed = 0;
	[].forEach.call(document.querySelectorAll('table'), function (t) {
		if (t.getBoundingClientRect().right > vw + 1) cut++;
	});
	// Chart text as drawn: its font size times the scale its chart is
	// drawn at (fitted to its box, the viewBox to the width shown).
	[].forEach.call(document.querySelectorAll('svg text'), function (t) {
		var s = parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a;
		if (s < font) font = s;
	});
	// Charts wider than their box (which then scrolls them).
	[].forEach.call(document.querySelectorAll('svg'), function (s) {
		var b = s.parentNode;
		if (b.scrollWidth > b.clientWidth + 1) boxed++;
	});
	parent.postMessage(['vw=' + vw, 'vh=' + window.innerHeight, 'page=' + d.scrollWidth,
		'title=' + bottom('.glance h1'), 'ikk=' + bottom('.glance .ikk'),
		'category=' + bottom('.glance .badge'), 'glance=' + bottom('.glance'),
		'bars=' + bottom('.glance figure rect.bar', 2),
		'tables_cut=' + cut, 'font=' + Math.round(font * 10), 'charts_boxed=' + boxed,
		'legends=' + document.querySelectorAll('svg .legend').length].join(' '), '*');
})();
</script>
EOS

# measure HTML W H: the report HTML (a copy with the script, beside it:
# its relative links and pictures still resolve) in a frame of W x H;
# prints the script's figures.
measure() {
	probe=${1%.html}.probe.html
	frame=${1%.html}.frame$2.html
	awk -v f="$tmp/probe.js" 'BEGIN { while ((getline l < f) > 0) p = p l "\n" }
		/<\/body>/ { sub(/<\/body>/, p "</body>") } { print }' "$1" >"$probe"
	cat >"$frame" <<EOS
<!DOCTYPE html><html><body style="margin:0"><pre id="probe"></pre>
<script>window.addEventListener('message', function (e) {
	document.getElementById('probe').textContent = e.data; });</script>
<iframe src="$(basename "$probe")" style="border:0;width:$2px;height:$3px"></iframe></body></html>
EOS
	chrome --window-size=1400,900 --virtual-time-budget=3000 --dump-dom \
		"file://$frame" | sed -n 's/.*<pre id="probe">\([^<]*\)<.*/\1/p'
	rm -f "$probe" "$frame"
}
# fig NAME FIGURES: the number after NAME=.
fig() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
# first_screen FIGURES WHAT...: each WHAT's bottom on the first screen.
first_screen() {
	m=$1
	shift
	for w in "$@"; do
		[ "$(fig "$w" "$m")" -le "$(fig vh "$m")" ] ||
			fail "$name at 1366x768: the $w is below the first screen: $m"
	done
}
# page NAME HTML WHAT...: HTML measured at both sizes; on the projector
# each WHAT on the first screen; at both nothing sideways, nothing cut,
# three legends or more; chart text as drawn 16 px or more on the
# projector (no chart scrolled in its box), 12 px or more on the phone.
page() {
	name=$1 html=$2
	shift 2
	wide=$(measure "$html" 1366 768)
	phone=$(measure "$html" 390 844)
	if [ -z "$wide" ] || [ -z "$phone" ]; then
		cat "$tmp/chrome.err"
		fail "$name: no measurement"
		return
	fi
	echo "$name 1366x768: $wide"
	echo "$name 390x844: $phone"
	[ "$(fig vh "$wide")" -eq 768 ] || fail "$name: the frame is not 768 high: $wide"
	first_screen "$wide" "$@"
	for m in "$wide" "$phone"; do
		[ "$(fig page "$m")" -le "$(fig vw "$m")" ] || fail "$name: the page scrolls sideways: $m"
		[ "$(fig tables_cut "$m")" -eq 0 ] || fail "$name: a table runs past the screen: $m"
		# A village: the radar's, the bars' and the heat map's; a wide
		# area: its ranked charts' and its heat map's.
		[ "$(fig legends "$m")" -ge 3 ] || fail "$name: legends missing: $m"
	done
	# Chart text drawn at the body's size on the projector, each chart in
	# its box whole; on the phone a chart shrinks to 12 px text at most,
	# then scrolls in its own box.
	[ "$(fig font "$wide")" -ge 160 ] || fail "$name: chart text drawn under 16 px: $wide"
	[ "$(fig charts_boxed "$wide")" -eq 0 ] || fail "$name: a chart is wider than its box: $wide"
	[ "$(fig font "$phone")" -ge 120 ] || fail "$name: chart text drawn under 12 px: $phone"
}

page village "$tmp/r.html" ikk glance

"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --area 63.72 --seed 4 --kk 30 \
	--rt 3 --plugins family,health,education,pkk --model ../models/ikk.ini -o "$tmp/k" ||
	fail "pk2d-synth"
"$PK2D_TOP_BUILDDIR/src/pk2d" -q -c "$tmp/k/pk2d.ini" --store none report -o "$tmp/kab.html" \
	--site "$tmp/site" || fail "pk2d report (kabupaten)"
grep -q '<figcaption><strong>IKK per Kecamatan</strong>' "$tmp/kab.html" ||
	fail "the kabupaten's summary has no chart of its kecamatan by IKK"
page kabupaten "$tmp/kab.html" title ikk category bars
page "site: kabupaten" "$tmp/site/63.72.html" title ikk category bars
page "site: kecamatan" "$tmp/site/63.72.02.html" title ikk category bars
page "site: village" "$tmp/site/63.72.02.1003.html" title ikk category

# Two stored periods: a village's and a kabupaten's report with their score
# history and each problem's trend.
for y in 2023 2024; do
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --kk 60 --rt 3 \
		--model ../models/ikk.ini -o "$tmp/v$y" -a 63.02.09.2007 -p "$y" --seed "$y" ||
		fail "pk2d-synth $y"
	"$PK2D_TOP_BUILDDIR/src/pk2d" -q -c "$tmp/v$y/pk2d.ini" --store "$tmp/v.sqlite" report \
		-o "$tmp/v$y.html" || fail "pk2d report (village $y)"
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --area 63.72 \
		--seed "$y" --kk 30 --rt 3 --plugins family,health,education,pkk \
		--model ../models/ikk.ini -p "$y" -o "$tmp/k$y" || fail "pk2d-synth $y (kabupaten)"
	"$PK2D_TOP_BUILDDIR/src/pk2d" -q -c "$tmp/k$y/pk2d.ini" --store "$tmp/k.sqlite" report \
		-o "$tmp/k$y.html" || fail "pk2d report (kabupaten $y)"
done
for f in v2024 k2024; do
	grep -q 'class="target"' "$tmp/$f.html" || fail "$f: no trend chart"
done
page "village, two periods" "$tmp/v2024.html" ikk glance
page "kabupaten, two periods" "$tmp/k2024.html" title ikk category bars

[ "$failures" -eq 0 ] || exit 1
echo "ok: the summaries on the first screen, nothing cut at 390 px, legends, chart text drawn at 16 px (12 px on a phone)"
