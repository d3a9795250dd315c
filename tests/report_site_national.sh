#!/bin/sh
# pk2d report --site DIR of a national run (area = all) on synthetic
# villages in two provinces (two villages of 63.02.09, the four of
# kecamatan 63.72.02, one of 64.01.01): the whole tree, country, province,
# kabupaten, kecamatan and village, with every link's target there, links
# up and down at every level (tests/site_links.py) and the same summary on
# each page above a village. The run keeps village sums only (rt_detail =
# no, the default of area = all): a village page says that it has no RT
# heat map, and why; with rt_detail = yes it draws it.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --seed 3 --kk 20 --rt 3 \
	--area 63.02.09.2007,63.02.09.2001,63.72.02,64.01.01.2009 --model ikk.ini -o "$tmp/d" ||
	{ echo "FAIL: pk2d-synth"; exit 1; }
cp "$PK2D_TOP_SRCDIR/conf/models/ikk.ini" "$tmp/d/ikk.ini"
sed 's/^area = .*/area = all/' "$tmp/d/pk2d.ini" >"$tmp/d/all.ini"
sed 's/^area = .*/area = all\nrt_detail = yes/' "$tmp/d/pk2d.ini" >"$tmp/d/all-rt.ini"
grep -q '^rt_detail = yes$' "$tmp/d/all-rt.ini" || fail "could not write all-rt.ini"

"$pk2d" -q -c "$tmp/d/all.ini" --store none report --site "$tmp/site" ||
	fail "pk2d report --site (national)"
levels=$(python3 "$PK2D_TOP_SRCDIR/tests/site_links.py" "$tmp/site" all) ||
	{ echo "$levels"; fail "the national site's links"; }
[ "$(echo "$levels" | head -n 1)" = "pages by level: 1 2 3 3 7" ] ||
	fail "expected the country, 2 provinces, 3 kabupaten, 3 kecamatan, 7 villages: $levels"
grep -q 'url=all.html' "$tmp/site/index.html" || fail "index.html does not lead to all.html"
grep -q '<h3>Skor per Desa/Kelurahan</h3>' "$tmp/site/63.72.02.html" ||
	fail "the kecamatan page's heat map is not of its villages"
# A village page: the breadcrumb from the country, and no RT detail said.
grep -q '<a rel="up" href="all.html">.*<a rel="up" href="63.html">.*<a rel="up" href="63.72.html">.*<a rel="up" href="63.72.02.html">' \
	"$tmp/site/63.72.02.1003.html" || fail "the village's breadcrumb is not the whole way up"
grep -q '<h3>Rincian per RT</h3>' "$tmp/site/63.72.02.1003.html" &&
	grep -q 'Run ini hanya menyimpan jumlah per desa/kelurahan (rt_detail = no' \
		"$tmp/site/63.72.02.1003.html" || fail "the village page does not say why it has no RT heat map"
grep -q 'Skor tiap indikator, tertulis di selnya' "$tmp/site/63.72.02.1003.html" &&
	fail "an RT heat map without RT detail"

# With RT detail the village pages draw the RT heat map and say nothing of sums.
"$pk2d" -q -c "$tmp/d/all-rt.ini" --store none report --site "$tmp/site-rt" ||
	fail "pk2d report --site (national, RT detail)"
grep -q 'Skor tiap indikator, tertulis di selnya' "$tmp/site-rt/63.72.02.1003.html" ||
	fail "rt_detail = yes: the village page has no RT heat map"
grep -q 'rt_detail = no' "$tmp/site-rt/63.72.02.1003.html" &&
	fail "rt_detail = yes: the village page says its RTs were summed"
[ $failures -eq 0 ] || exit 1
echo "ok: the national site, $levels"
