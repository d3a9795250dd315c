#!/bin/sh
# A wide area's single-file HTML read from the top down, and small at any
# scale: a province of the generator (area 63, its 2,016 villages, a few KK
# each: the file's size follows the villages, not the KK) writes one HTML
# file of at most 10 MB that opens with the kabupaten ranked by IKK and by
# the headline figure with the attention line and the target drawn, the
# lowest indicators, the villages by IKK category, the best and the lowest
# villages by name with their kecamatan; the villages' table has the
# kecamatan column and the short category; the heat map's rows are the
# kabupaten by name; no village's full assessment is in the file (the
# site carries it). A kecamatan keeps its villages' assessments inline.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
synth=$PK2D_TOP_BUILDDIR/synth/pk2d-synth
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
"$synth" --data "$PK2D_DATA_DIR" -q --area 63 --seed 3 --kk 40 --rt 4 \
	--plugins family,health,education,pkk --model ../models/ikk.ini -o "$tmp/p" ||
	{ echo "FAIL: pk2d-synth"; exit 1; }
"$pk2d" -q -c "$tmp/p/pk2d.ini" --store none report -f html,md,text -o "$tmp/p.html" ||
	{ echo "FAIL: province report"; exit 1; }
size=$(wc -c < "$tmp/p.html")
[ "$size" -le 10000000 ] || fail "the province's HTML is $size bytes, more than 10 MB"
villages=$(grep -c '^<tr><td class="n">[0-9]*</td><td>63\.[0-9.]*</td>' "$tmp/p.html")
[ "$villages" -eq 2016 ] || fail "the villages' table has $villages rows, not 2016"
grep -q '<section class="area" id="area-63\.[0-9]*\.[0-9]*\.[0-9]*"' "$tmp/p.html" &&
	fail "a village's full assessment is in the province's single file"
grep -q 'situs laporan (pk2d report --site DIR)' "$tmp/p.html" ||
	fail "the single file does not say where the villages' assessments are"
# Top down: the ranked charts come before the villages' table.
first() { grep -n -m1 -- "$1" "$tmp/p.html" | cut -d: -f1; }
ranked=$(first '<h2>Peringkat wilayah</h2>')
table=$(first '<h2>Ringkasan desa</h2>')
[ -n "$ranked" ] && [ -n "$table" ] && [ "$ranked" -lt "$table" ] ||
	fail "the ranked parts do not open the report (line $ranked, table at $table)"
for t in 'IKK per Kabupaten/Kota' 'Prevalensi stunting.* per Kabupaten/Kota' \
	'Indikator dengan skor terendah' 'Sebaran desa/kelurahan menurut kategori IKK' \
	'Desa/kelurahan dengan IKK tertinggi' 'Desa/kelurahan dengan IKK terendah'; do
	grep -q "<strong>$t</strong>\|<h3>$t</h3>" "$tmp/p.html" || fail "no '$t'"
done
grep -q '<g class="legend">.*>Garis perhatian 75</text></g>' "$tmp/p.html" ||
	fail "the attention line is not labelled"
grep -q '<g class="legend">.*>Target 14</text></g>' "$tmp/p.html" ||
	fail "the stunting target is not labelled"
grep -q '<line class="attention" x1="[0-9]*"[^>]*><title>Target 14</title>' "$tmp/p.html" ||
	fail "the stunting target is not drawn"
# The villages' table: name and kecamatan by name, the short category.
grep -q '<td>63\.02\.09\.2007</td><td>Sang-Sang</td><td>Kelumpang Tengah</td>' "$tmp/p.html" ||
	fail "a village's row lacks its name or its kecamatan"
grep -q '<span class="dot good"></span>75–100</td>' "$tmp/p.html" || fail "no short category"
long=$(grep '^<tr><td class="n">[0-9]*</td><td>63\.' "$tmp/p.html" | grep -c 'Kualitas Keluarga')
[ "$long" -eq 0 ] || fail "the long category name is in $long villages' rows"
grep -q '<h3>Skor per Kabupaten/Kota</h3>' "$tmp/p.html" || fail "heat map title"
grep -q 'text-anchor="end">Kabupaten Kotabaru</text>' "$tmp/p.html" ||
	fail "the heat map's rows are not the kabupaten by name"
# Above a regency the best and lowest villages carry their kabupaten/kota.
sed -n '/<h3>Desa\/kelurahan dengan IKK tertinggi<\/h3>/,/<\/table>/p' "$tmp/p.html" >"$tmp/best"
grep -q '<th>Desa/Kelurahan</th><th>Kabupaten/Kota</th><th>Kecamatan</th>' "$tmp/best" ||
	fail "the best villages have no kabupaten/kota column: $(head -2 "$tmp/best")"
[ "$(grep -cE '</td><td>(Kabupaten|Kota) [^<]+</td><td>[^<]+</td><td class="n">[0-9]+,[0-9][0-9]</td>' "$tmp/best")" -eq 5 ] ||
	fail "the best villages' rows lack their kabupaten/kota: $(cat "$tmp/best")"
# Markdown and text: the same ranked tables first, names and kecamatan.
md_ranked=$(grep -n -m1 '^## Peringkat wilayah$' "$tmp/p.md" | cut -d: -f1)
md_table=$(grep -n -m1 '^## Ringkasan desa$' "$tmp/p.md" | cut -d: -f1)
[ -n "$md_ranked" ] && [ -n "$md_table" ] && [ "$md_ranked" -lt "$md_table" ] ||
	fail "Markdown: the ranked parts do not come first"
grep -q '^### IKK per Kabupaten/Kota$' "$tmp/p.md" || fail "Markdown: IKK per kabupaten"
grep -q '^| [0-9]* | 63\.02\.09\.2007 | Sang-Sang | Kelumpang Tengah | [0-9,]* | [0-9]*–[0-9]* |' "$tmp/p.md" ||
	fail "Markdown: a village's row lacks its kecamatan or its short category"
grep -q '^### Desa/kelurahan dengan IKK terendah$' "$tmp/p.md" || fail "Markdown: lowest villages"
grep -q '^  Desa/kelurahan dengan IKK tertinggi$' "$tmp/p.txt" || fail "text: best villages"
grep -A2 '^  Desa/kelurahan dengan IKK tertinggi$' "$tmp/p.txt" | grep -q '^ *1  [^ ].*  [0-9]*,[0-9][0-9]  [0-9]*–' ||
	fail "text: the best village's row"

# A kecamatan keeps its villages inline, and its heat map has their names.
"$synth" --data "$PK2D_DATA_DIR" -q --area 63.02.09 --seed 3 --kk 40 --rt 4 \
	--plugins family,health,education,pkk --model ../models/ikk.ini -o "$tmp/k" ||
	fail "pk2d-synth kecamatan"
"$pk2d" -q -c "$tmp/k/pk2d.ini" --store none report -f html -o "$tmp/k.html" ||
	fail "kecamatan report"
[ "$(grep -c '<section class="area" id="area-63\.02\.09\.[0-9]*"' "$tmp/k.html")" -eq 13 ] ||
	fail "the kecamatan's 13 villages are not inline"
grep -q '<h3>Skor per Desa/Kelurahan</h3>' "$tmp/k.html" || fail "kecamatan heat map title"
grep -q 'text-anchor="end">Sang-Sang</text>' "$tmp/k.html" ||
	fail "the kecamatan's heat map rows are not the villages by name"
# Its best and lowest villages link to their assessments.
sed -n '/<h3>Desa\/kelurahan dengan IKK terendah<\/h3>/,/<\/table>/p' "$tmp/k.html" |
	grep -cE '<td><a href="#area-63\.02\.09\.[0-9]{4}">[^<]+</a></td>' >"$tmp/links"
[ "$(cat "$tmp/links")" -eq 5 ] || fail "the lowest villages are not linked to their assessments"
[ $failures -eq 0 ] || exit 1
echo "ok: the province's single file is $size bytes and reads from the top down"
