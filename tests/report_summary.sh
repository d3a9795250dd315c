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
		'Masalah utama dan tindak lanjutnya' 'Prevalensi stunting' \
		'belum tercapai (capaian 12,5 %)' '26,3' '14,0 (2024)' '8 Intervensi' \
		'imunisasi dasar lengkap' 'belum tercapai (capaian 94,7 %)' '85,2' '90,0' 'B4 Ikut kegiatan PKK' 'perlu perhatian' '52,7' '75,0' \
		'Angka utama OPD' 'Prevalensi stunting' 'Dinas Kesehatan' 'belum tercapai' \
		'Baris yang tidak dipakai' '1 di luar wilayah' ||
		fail "$fmt: the summary before the profile is not complete: $head"
	# An agency indicator off target (85,2 of 90: capaian 94,7 %, in the
	# band "Sangat Baik") reads as off target, never as its capaian's band.
	case $head in *'Sangat Baik'* | *' Baik '* | *'Sangat Kurang'*)
		fail "$fmt: a band word for an indicator off target in the summary" ;;
	esac
	# Three problems of each kind at most: the fourth IKK problem is not in it.
	case $head in *'E3 Pendapatan'*) fail "$fmt: more than 3 IKK problems in the summary" ;; esac
done
grep -q '<h1>Penilaian Kualitas Keluarga — Desa Sang-Sang</h1>' "$tmp/r.html" ||
	fail "HTML: the summary's title"
[ "$(grep -c '<h1>' "$tmp/r.html")" -eq 1 ] || fail "HTML: the village's title twice"
[ "$(grep -c '^# ' "$tmp/r.md")" -eq 1 ] || fail "Markdown: the village's title twice"

# Nor in the agency tables: beside "belum tercapai" no band of the capaian.
grep -E 'Baik|Cukup|Kurang' "$tmp/r.txt" | grep 'belum tercapai' &&
	fail "text: a band word beside 'belum tercapai'"
grep -E '\| (Sangat Baik|Baik|Cukup|Kurang|Sangat Kurang)[ |(].*\| belum tercapai \|$' "$tmp/r.md" &&
	fail "Markdown: a band word beside 'belum tercapai'"
grep -q '<td>belum tercapai</td></tr>' "$tmp/r.html" || fail "HTML: no agency row off target"
grep -E '(Baik|Cukup|Kurang)(<br><small>[^<]*</small>)?</td><td>belum tercapai</td>' "$tmp/r.html" &&
	fail "HTML: a band word beside 'belum tercapai'"

sed -i 's/^\[pk2d\]$/[pk2d]\nlanguage = en/' "$tmp/s/pk2d.ini"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/en.md" || fail "pk2d report (en)"
in_order "$(before "$tmp/en.md" 'Area Profile')" 'Summary' '81.80' \
	'Top problems and their follow-up' 'missed (94.7 % of target)' \
	'Headline agency figures' 'missed' \
	'Rows not used' || fail "English summary: $(head -30 "$tmp/en.md")"
[ "$failures" -eq 0 ] || exit 1
echo "ok: the summary first in text, Markdown and HTML"
