#!/bin/sh
# The PDF report (-f pdf) of the bundled sample read back with pdfinfo and
# pdftotext: A4, the summary on the first page (the IKK, its category, the
# top problems with stunting first, the headline figure), "Halaman N dari
# M" on every page with M the page count, the sections in the rakor's
# order, the IKK indicator table's header repeated on each page it spans,
# the dimensions' chart drawn (its labels are text in the PDF), a
# configured title with markup characters printed as it is written, the
# English words with language = en, and the scores drawn over the stored
# periods. Skips (77) without poppler-utils.
set -u
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
	echo "SKIP: needs pdftotext and pdfinfo (apt-get install poppler-utils)"
	exit 77
fi
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir "$tmp/s"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/s/"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/r.pdf" -o "$tmp/r.html" ||
	fail "pk2d report -o r.pdf"

# no_stranded_heading PDF HTML: no page of PDF ends on a heading (the
# HTML's h1-h4 and chart titles, the same run's): a heading goes down with
# at least the first lines, the table's first row or the chart under it.
no_stranded_heading() {
	grep -o '<h[1-4][^>]*>[^<]*\|<figcaption><strong>[^<]*' "$2" | sed 's/<[^>]*>//g' |
		sed 's/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' |
		sort -u >"$tmp/headings"
	[ "$(wc -l <"$tmp/headings")" -ge 10 ] || fail "$2: fewer than 10 headings"
	n=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "$n" ]; do
		last=$(pdftotext -f "$p" -l "$p" -layout "$1" - | grep -v '^[[:space:]]*$' |
			grep -v "Halaman $p dari $n" | tail -n 1 | sed 's/^ *//; s/ *$//; s/   */  /g')
		grep -qxF -- "$last" "$tmp/headings" && fail "$1: page $p of $n ends on the heading '$last'"
		p=$((p + 1))
	done
}
no_stranded_heading "$tmp/r.pdf" "$tmp/r.html"
# The charts in the body's family (no serif fallback of librsvg), their
# text 9 pt at least: a line of it (the legends' "Garis perhatian") is
# 1.16 x its size high, 10.4 points or more; the heat map of 29
# indicators in parts rather than shrunk to the page's width.
pdffonts "$tmp/r.pdf" | grep -i 'serif' && fail "a serif font in the PDF: $(pdffonts "$tmp/r.pdf")"
pdftotext -bbox "$tmp/r.pdf" - | awk -F'"' '/>Garis</ { n++; if ($8 - $4 < 10.4) small++ }
	END { if (!n || small) exit 1 }' || fail "chart text under 9 pt (or no chart legend)"
grep -q '<svg [^>]*font-family="DejaVu Sans' "$tmp/r.html" || fail "HTML: an SVG without its font family"

info=$(pdfinfo "$tmp/r.pdf") || fail "pdfinfo cannot read the PDF"
echo "$info" | grep -q '^Page size: *595.28 x 841.89 pts (A4)' || fail "not A4: $info"
echo "$info" | grep -q '^Title: .*Sang-Sang' || fail "no title: $info"
pages=$(echo "$info" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 3 ] || fail "only ${pages:-no} pages"

page() { pdftotext -layout -f "$1" -l "$1" "$tmp/r.pdf" -; }
# The summary first: the IKK and category, the problems with their
# follow-up (stunting, a headline indicator off target, first), the
# headline figures.
page 1 >"$tmp/p1.txt"
pdftotext -f 1 -l 1 "$tmp/r.pdf" - | tr '\n' ' ' | tr -s ' ' >"$tmp/p1.flat"
for want in 'Ringkasan' '81,80' 'IKK: Kualitas Keluarga Responsif' \
	'Masalah utama dan tindak lanjutnya'; do
	grep -q "$want" "$tmp/p1.flat" || fail "page 1 has no '$want'"
done
pdftotext -f 1 -l 2 "$tmp/r.pdf" - | grep -q 'Angka utama OPD' || fail "no headline figures"
# The heat map's heading and its note on the page of its first part.
p=1
while [ "$p" -le "$pages" ] && ! page "$p" | grep -q 'Rincian per RT'; do p=$((p + 1)); done
page "$p" | grep -Eq '^ *RT 1 ' || fail "page $p: 'Rincian per RT' without its heat map under it"
# An agency indicator off target reads as off target, not as the band of
# its capaian (85,2 of 90 is 94,7 %, "Sangat Baik"), in the summary and
# the agency tables.
grep -q 'belum tercapai (capaian 94,7 %)' "$tmp/p1.flat" || fail "page 1: no 'belum tercapai (capaian 94,7 %)'"
pdftotext -layout "$tmp/r.pdf" - | grep -E 'Baik|Cukup|Kurang' | grep 'belum tercapai' &&
	fail "a band word beside 'belum tercapai'"

first_problem=$(sed -n '/Masalah utama/,$p' "$tmp/p1.txt" | grep -m1 -E '[0-9],[0-9]')
echo "$first_problem" | grep -q 'Prevalensi stunting' ||
	fail "the first problem is not stunting: $first_problem"
# Every page numbered "N of M".
p=1
while [ "$p" -le "$pages" ]; do
	page "$p" | grep -q "Halaman $p dari $pages" || fail "page $p: no 'Halaman $p dari $pages'"
	p=$((p + 1))
done
# The sections in the order of the rakor.
pdftotext "$tmp/r.pdf" - |
	grep -E '^[1-7]\. (Profil|Indeks|Capaian|Permasalahan|Rencana|Tren|Kualitas Data)' >"$tmp/sections"
printf '%s\n' '1. Profil Wilayah' '2. Indeks Kualitas Keluarga (IKK)' '3. Capaian per OPD' \
	'4. Permasalahan' '5. Rencana Tindak Lanjut' '6. Tren' '7. Kualitas Data dan Status Proses' |
	cmp -s - "$tmp/sections" || fail "sections: $(cat "$tmp/sections")"
# The IKK indicators (L1 ... B6) span pages; each of them shows the header.
spans=0
p=1
while [ "$p" -le "$pages" ]; do
	if page "$p" | grep -Eq '^ *[LFEPB][1-8] {2,}'; then
		spans=$((spans + 1))
		page "$p" | grep -Eq 'Indikator.*Nilai.*Status' || fail "page $p: an IKK row without the header"
	fi
	p=$((p + 1))
done
[ "$spans" -ge 2 ] || fail "the IKK table is on $spans page(s): the repeat is not tested"
# The dimensions' radar chart, drawn from the HTML's SVG: its labels,
# wrapped (the score with one decimal only there; the tables have two).
pdftotext "$tmp/r.pdf" - | grep -A1 '^Legalitas-Struktur$' | grep -q '^(84,6)$' || fail "no radar chart"

# A configured title is text, never markup; English words with language = en.
sed -i 's/^\[pk2d\]$/[pk2d]\ntitle = <b>Rakor<\/b> \& "evaluasi" 50%\nlanguage = en/' "$tmp/s/pk2d.ini"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -f pdf -o "$tmp/en.pdf" || fail "pk2d report (en)"
pdftotext -f 1 -l 1 "$tmp/en.pdf" - >"$tmp/en1.txt"
grep -qF '<b>Rakor</b> & "evaluasi" 50%' "$tmp/en1.txt" || fail "the title: $(head -3 "$tmp/en1.txt")"
en_pages=$(pdfinfo "$tmp/en.pdf" | awk '/^Pages:/ { print $2 }')
grep -q "Page 1 of $en_pages" "$tmp/en1.txt" || fail "no 'Page 1 of $en_pages'"
grep -q 'Top problems and their follow-up' "$tmp/en1.txt" || fail "no English summary"
# Two periods in one store: the second period's PDF and HTML draw the IKK
# and its dimensions over both (one line each), with the attention line in
# the legend; the first has one period and no such chart.
model=$(cd "$tmp/models" && pwd)/ikk.ini
for y in 2023 2024; do
	"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --plugins family --kk 30 \
		--rt 2 -o "$tmp/h$y" -a 63.02.09.2007 -p "$y" --seed "$y" || fail "pk2d-synth $y"
	sed -i "s|^\[pk2d\]\$|[pk2d]\\nmodel = $model|" "$tmp/h$y/pk2d.ini"
	"$pk2d" -q -c "$tmp/h$y/pk2d.ini" --store "$tmp/h.sqlite" report -o "$tmp/h$y.pdf" \
		-o "$tmp/h$y.html" ||
		fail "pk2d report $y"
done
pdftotext "$tmp/h2023.pdf" - | grep -q 'Riwayat Skor' && fail "a score history of one period"
pdftotext "$tmp/h2024.pdf" - >"$tmp/h2024.txt"
for want in 'Riwayat Skor' 'Garis perhatian 75' 'Kualitas Ketahanan Sosial-Budaya'; do
	sed -n '/Riwayat Skor/,$p' "$tmp/h2024.txt" | grep -q "$want" || fail "score history: no '$want'"
done
grep -q 'Riwayat Skor' "$tmp/h2023.html" && fail "an HTML score history of one period"
sed -n '/<h3>Riwayat Skor<\/h3>/,/<\/figure>/p' "$tmp/h2024.html" >"$tmp/h.svg"
[ "$(grep -c '<polyline' "$tmp/h.svg")" -eq 6 ] || fail "HTML score history: not 6 lines"
grep -q '>Garis perhatian 75<' "$tmp/h.svg" || fail "HTML score history: no attention line legend"
# A kabupaten's PDF: its charts' titles and agencies' names are kept
# with what follows them too.
"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --area 63.72 --seed 4 --kk 30 \
	--rt 3 --plugins family,health,education,pkk --model ../models/ikk.ini -o "$tmp/k" ||
	fail "pk2d-synth (kabupaten)"
"$pk2d" -q -c "$tmp/k/pk2d.ini" --store none report -o "$tmp/k.pdf" -o "$tmp/k.html" ||
	fail "pk2d report (kabupaten)"
no_stranded_heading "$tmp/k.pdf" "$tmp/k.html"
# The level's word before a name that carries it already is not said
# twice ("Kota Banjarbaru", not "Kabupaten/Kota Kota Banjarbaru").
grep -q '<h1>Penilaian Kualitas Keluarga — Kota Banjarbaru</h1>' "$tmp/k.html" ||
	fail "kabupaten HTML: the title is not 'Penilaian Kualitas Keluarga — Kota Banjarbaru'"
grep -q 'Kabupaten/Kota Kota' "$tmp/k.html" && fail "kabupaten HTML: 'Kabupaten/Kota Kota'"
pdftotext "$tmp/k.pdf" - | grep -q 'Kabupaten/Kota Kota' && fail "kabupaten PDF: 'Kabupaten/Kota Kota'"
# Table cells break between words only: a village's code, a number, a
# column's heading whole (no "63.72.02.1" over "003", no "Targe-t").
pdftotext -layout "$tmp/k.pdf" - >"$tmp/k.txt"
grep -E '[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{1,3}( |$)|(^| )[0-9]+,( |$)' "$tmp/k.txt" &&
	fail "kabupaten PDF: a code or a number broken over two lines"
grep -q '63\.72\.[0-9][0-9]\.[0-9]\{4\}' "$tmp/k.txt" || fail "kabupaten PDF: no village code"
for pdf in "$tmp/r.pdf" "$tmp/k.pdf"; do
	pdftotext -layout "$pdf" - | grep -E '(Targe|Reali|Kate|Capai|Satu|Cakup)-' &&
		fail "$pdf: a heading hyphenated inside"
done
[ "$failures" -eq 0 ] || exit 1
echo "ok: $pages pages, summary first, numbered, in order, headers repeated, scores over periods"
