#!/bin/sh
# The TP PKK table of the bundled sample laid out under Pokja I-IV and the 10
# program pokok, as the pkk plugin declares them (docs/plugins/pkk.md): each
# heading in order, each indicator under its own program pokok, checked in
# the rendered text, HTML and Markdown.
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

"$pk2d" -q -c "$PK2D_TOP_SRCDIR/conf/sample/pk2d.ini" --store none report \
	-o "$tmp/r.txt" -o "$tmp/r.html" -o "$tmp/r.md" || fail "the sample's report"

# The PKK table's lines, headings and rows, from its agency heading on: each
# needle of the list on a later line than the one before it, and no other
# heading between a program pokok and its indicator.
in_order() { # FILE START END: needles on stdin, one per line
	awk -v start="$2" -v end="$3" 'NR == FNR { want[++n] = $0; next }
		!on && index($0, start) { on = 1; next }
		on && index($0, end) { exit }
		on && i < n && index($0, want[i + 1]) { i++ }
		END { if (i < n) { print "missing after \"" want[i] "\": \"" want[i + 1] "\""; exit 1 } }' \
		- "$1"
}
needles() {
	cat <<'NEEDLES'
Data dasawisma
Kepala keluarga (KK)
Pokja I (1 Penghayatan dan Pengamalan Pancasila, 2 Gotong Royong)
Kegiatan Pokja I tercatat
Pokja II (6 Pendidikan dan Keterampilan, 8 Pengembangan Kehidupan Berkoperasi)
Kegiatan Pokja II tercatat
6. Pendidikan dan Keterampilan
Warga 3 buta
8. Pengembangan Kehidupan Berkoperasi
Rumah tangga mengikuti UP2K-PKK
Pokja III (3 Pangan, 4 Sandang, 5 Perumahan dan Tatalaksana Rumah Tangga)
Rumah tangga dengan industri rumah tangga
Kegiatan Pokja III tercatat
3. Pangan
Rumah tangga memanfaatkan pekarangan (HATINYA PKK)
5. Perumahan dan Tatalaksana Rumah Tangga
Rumah sehat layak huni
Pokja IV (7 Kesehatan, 9 Kelestarian Lingkungan Hidup, 10 Perencanaan Sehat)
Kegiatan Pokja IV tercatat
7. Kesehatan
Rumah tangga dengan MCK/jamban dan septic tank
Balita
9. Kelestarian Lingkungan Hidup
Rumah tangga dengan saluran pembuangan air limbah (SPAL)
Rumah tangga mengikuti kegiatan kesehatan lingkungan
10. Perencanaan Sehat
Pasangan usia subur (PUS)
Wanita usia subur (WUS)
NEEDLES
}
needles | in_order "$tmp/r.txt" "  TP PKK" "Intervensi:" || fail "r.txt: PKK groups"
needles | in_order "$tmp/r.html" ">TP PKK<" "</table>" || fail "r.html: PKK groups"
needles | in_order "$tmp/r.md" "### TP PKK" "| Intervensi |" || fail "r.md: PKK groups"

# Headings as headings: a Pokja at the top level, a program pokok under it.
grep -qxF "  Pokja II (6 Pendidikan dan Keterampilan, 8 Pengembangan Kehidupan Berkoperasi)" \
	"$tmp/r.txt" || fail "r.txt: Pokja II is not a top heading"
grep -qxF "    8. Pengembangan Kehidupan Berkoperasi" "$tmp/r.txt" ||
	fail "r.txt: programme 8 is not a heading under its Pokja"
grep -qF '<tr class="group"><td></td><td colspan="7" style="padding-left:1em"><strong>10. Perencanaan Sehat</strong></td></tr>' \
	"$tmp/r.html" || fail "r.html: programme 10 is not a heading under its Pokja"
grep -qF '| |   **7. Kesehatan** |' "$tmp/r.md" || fail "r.md: programme 7 is not a heading"
# A program pokok with no indicator of its own has no empty heading.
! grep -q "4\. Sandang" "$tmp/r.txt" || fail "r.txt: an empty heading for programme 4"

[ "$failures" -eq 0 ] || exit 1
echo "pkk_groups: all passed"
