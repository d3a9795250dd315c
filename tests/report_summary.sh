#!/bin/sh
# Every human format opens with the same summary (view_summary): in the
# text, Markdown and HTML reports of the bundled sample village, before
# the profile, come the IKK and its category, the dimension scores, the
# top problems with their status and follow-up (stunting, a headline
# indicator off target, first), the headline agency figures and the rows
# the run did not use; the English words with language = en.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}" "${PK2D_DATA_DIR:?}"
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
mkdir "$tmp/s"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/s/"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
# A row of a village outside the run: one row not used, said in the summary.
echo "63.02.09.2099,1,2023,10,8" >>"$tmp/s/cakupan-dinsos.csv"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/r.txt" -o "$tmp/r.md" \
	-o "$tmp/r.html" || fail "pk2d report"

# The lines of $1 before its first line matching $2 (the profile's heading),
# on one line.
before() { sed "/$2/,\$d" "$1" | tr '\n' ' ' | tr -s ' '; }
# Each of the remaining arguments in $1, in that order.
in_order() {
	rest=$1
	shift
	for want; do
		case $rest in
		*"$want"*) rest=${rest#*"$want"} ;;
		*) return 1 ;;
		esac
	done
}
for fmt in txt md html; do
	head=$(before "$tmp/r.$fmt" 'Profil Wilayah')
	in_order "$head" 'Ringkasan' 'IKK' '81,80' 'Kualitas Keluarga Responsif Gender' \
		'Kualitas Legalitas-Struktur' '84,60' '3/3' 'Kualitas Ketahanan Sosial-Budaya' \
		'Masalah utama dan tindak lanjutnya' 'Prevalensi stunting' 'Sangat Kurang' '26,3' \
		'14,0 (2024)' '8 Intervensi' 'B4 Ikut kegiatan PKK' 'perlu perhatian' '52,7' '75,0' \
		'Angka utama OPD' 'Prevalensi stunting' 'Dinas Kesehatan' 'belum tercapai' \
		'Baris yang tidak dipakai' '1 di luar wilayah' ||
		fail "$fmt: the summary before the profile is not complete: $head"
	# Three problems of each kind at most: the fourth IKK problem is not in it.
	case $head in *'E3 Pendapatan'*) fail "$fmt: more than 3 IKK problems in the summary" ;; esac
done
grep -q '<h1>Penilaian Kualitas Keluarga — Desa Sang-Sang</h1>' "$tmp/r.html" ||
	fail "HTML: the summary's title"
[ "$(grep -c '<h1>' "$tmp/r.html")" -eq 1 ] || fail "HTML: the village's title twice"
[ "$(grep -c '^# ' "$tmp/r.md")" -eq 1 ] || fail "Markdown: the village's title twice"

sed -i 's/^\[pk2d\]$/[pk2d]\nlanguage = en/' "$tmp/s/pk2d.ini"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/en.md" || fail "pk2d report (en)"
in_order "$(before "$tmp/en.md" 'Area Profile')" 'Summary' '81.80' \
	'Top problems and their follow-up' 'Headline agency figures' 'missed' \
	'Rows not used' || fail "English summary: $(head -30 "$tmp/en.md")"
[ "$failures" -eq 0 ] || exit 1
echo "ok: the summary first in text, Markdown and HTML"
