#!/bin/sh
# The TP PKK table of the bundled sample laid out under Pokja I-IV and the 10
# program pokok, as the pkk plugin declares them (docs/plugins/pkk.md): each
# heading in order, each indicator under its own program pokok, checked in
# the rendered text, HTML, Markdown and XLSX (read back by LibreOffice; that
# part is left out, with a note, where LibreOffice is not installed).
set -u
pk2d="$PK2D_TOP_BUILDDIR/src/pk2d"
. "$PK2D_TOP_SRCDIR/tests/lib.sh"

"$pk2d" -q -c "$PK2D_TOP_SRCDIR/conf/sample/pk2d.ini" --store none report \
	-o "$tmp/r.txt" -o "$tmp/r.html" -o "$tmp/r.md" -o "$tmp/r.xlsx" || fail "the sample's report"

# The PKK table's lines, headings and rows, from the line holding START up
# to one holding END (""; the end of the file): each needle of the list on a
# later line than the one before it.
in_order() { # FILE START END: needles on stdin, one per line
	awk -v start="$2" -v end="$3" 'NR == FNR { want[++n] = $0; next }
		!on && index($0, start) { on = 1 }
		on && end != "" && index($0, end) { exit }
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

# XLSX: the agency sheet read back as CSV (every sheet to its own file), the
# TP PKK rows in order; a heading's depth is its cell's indent.
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ]; then
	echo "note: LibreOffice is not installed: the XLSX part is not checked"
else
	timeout 180 "$office" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1' \
		--outdir "$tmp/out" "$tmp/r.xlsx" >"$tmp/office.log" 2>&1 || fail "soffice"
	sheet="$tmp/out/r-Capaian per OPD.csv"
	grep '^"TP PKK"' "$sheet" >"$tmp/pkk.csv" || fail "no TP PKK rows in the agency sheet"
	needles | in_order "$tmp/pkk.csv" '"TP PKK"' "" || fail "r.xlsx: PKK groups"
	python3 - "$tmp/r.xlsx" <<'PY' || fail "r.xlsx: heading indents"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
strings = re.findall(r"<si>(?:<t[^>]*>)(.*?)</t>", z.read("xl/sharedStrings.xml").decode())
xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", z.read("xl/styles.xml").decode(), re.S).group(1)
xfs = re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", xfs, re.S)
def indent(style):
    m = re.search(r'indent="(\d+)"', xfs[style])
    return int(m.group(1)) if m else 0
want = {"Pokja II (6 Pendidikan dan Keterampilan, 8 Pengembangan Kehidupan Berkoperasi)": 0,
        "6. Pendidikan dan Keterampilan": 1, "10. Perencanaan Sehat": 1, "Data dasawisma": 0}
found = {}
for n in names:
    if not n.startswith("xl/worksheets/sheet"):
        continue
    for style, idx in re.findall(r'<c r="[A-Z]+\d+" s="(\d+)" t="s"><v>(\d+)</v>', z.read(n).decode()):
        if strings[int(idx)] in want:
            found[strings[int(idx)]] = indent(int(style))
assert found == want, found
PY
fi

[ "$failures" -eq 0 ] || exit 1
echo "pkk_groups: all passed"
