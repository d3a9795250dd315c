#!/bin/sh
# pk2d report --site DIR on a small kabupaten of the generator (Kota
# Banjarbaru, 63.72: 5 kecamatan, 20 villages): one page per area and per
# village and an index; every link is relative and its target exists;
# every page links up to its parent (rel="up") and down to each area under
# it; each wide page opens with the same summary (the parts ranked); the
# site alone prints no report; a site where a file is in the way of the
# folder fails with status 1 and says why.
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
ls "$tmp/site" | grep -q tmp && fail "a temporary file was left in the site"

python3 - "$tmp/site" <<'PY' || failures=$((failures + 1))
import os, re, sys
site = sys.argv[1]
pages = {f[:-5]: open(os.path.join(site, f), encoding="utf-8").read()
         for f in os.listdir(site) if f.endswith(".html") and f != "index.html"}
bad = []
for code, text in pages.items():
    hrefs = re.findall(r'href="([^"]*)"', text)
    for h in hrefs:
        target = h.split("#")[0]
        if re.match(r"^[a-z]+:|^/", h):
            bad.append(f"{code}: absolute link {h}")
        elif target and not os.path.exists(os.path.join(site, target)):
            bad.append(f"{code}: link to a missing page {h}")
    if "." in code and code != "63.72":
        parent = code.rsplit(".", 1)[0]
        if f'rel="up" href="{parent}.html"' not in text:
            bad.append(f"{code}: no link up to {parent}")
        if 'rel="up" href="63.72.html"' not in text:
            bad.append(f"{code}: no link up to the run area")
    children = [c for c in pages if c.rsplit(".", 1)[0] == code and c != code]
    for c in children:
        if f'href="{c}.html"' not in text:
            bad.append(f"{code}: no link down to {c}")
    depth = code.count(".")
    expect = {1: 5, 2: None, 3: 0}[depth]
    if expect is not None and len(children) != expect:
        bad.append(f"{code}: {len(children)} children, expected {expect}")
    if depth < 3 and "<h2>Peringkat wilayah</h2>" not in text:
        bad.append(f"{code}: no summary (the parts ranked)")
    if depth == 3 and 'class="ikk"' not in text:
        bad.append(f"{code}: the village page has no IKK")
kec = [c for c in pages if c.count(".") == 2]
if sum(len([v for v in pages if v.rsplit(".", 1)[0] == k]) for k in kec) != 20:
    bad.append("the kecamatan pages do not link down to the 20 villages")
for b in bad[:20]:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
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
