#!/bin/sh
# The XLSX report's layout at every scale, read back from the workbook's XML
# (tests/xlsx_layout.py: frozen headers, filters, widths, print set-up,
# conditional formats keyed on the status, charts and what they point at)
# and opened by LibreOffice (every sheet converted): the fixture's kecamatan
# in both languages, one of its villages, the kecamatan with a Data table
# spread over sheets of 3 rows and on one sheet it fills exactly
# (tests/xlsx_data.py: the same rows as on one sheet, and the notes between
# the sheets), the bundled sample village through pk2d (every shipped
# plugin), and a synthetic kecamatan of 12 villages through
# pk2d. Skips (77) without LibreOffice or python3.
set -u
: "${PK2D_TOP_BUILDDIR:?run through make check}" "${PK2D_TOP_SRCDIR:?}"
office=$(command -v soffice || command -v libreoffice || true)
if [ -z "$office" ] || ! command -v python3 >/dev/null; then
	echo "SKIP: LibreOffice or python3 is not installed"
	exit 77
fi
pk2d=$PK2D_TOP_BUILDDIR/src/pk2d
. "$PK2D_TOP_SRCDIR/tests/lib.sh"
check() { # NAME XLSX [--no-history]
	python3 "$PK2D_TOP_SRCDIR/tests/xlsx_layout.py" "$2" ${3:-} || fail "$1: layout"
	mkdir -p "$tmp/csv/$1"
	timeout 180 "$office" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
		--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false,-1' \
		--outdir "$tmp/csv/$1" "$2" >>"$tmp/office.log" 2>&1 || fail "$1: LibreOffice"
	sheets=$(python3 -c 'import sys, zipfile, re
print(len(re.findall("<sheet ", zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())))' "$2")
	opened=$(ls "$tmp/csv/$1" | wc -l)
	[ "$opened" -eq "$sheets" ] || fail "$1: LibreOffice opened $opened of $sheets sheets"
}
sample() { # NAME ARGS...
	name=$1
	shift
	mkdir -p "$tmp/$name"
	"$PK2D_TOP_BUILDDIR/tests/report_sample" "$tmp/$name" "$@" || fail "report_sample $*"
	check "$name" "$tmp/$name/report.xlsx"
}
sample kecamatan id
sample kecamatan-en en
sample village id 63.02.09.2007
sample continued id 63.02.09 3
python3 "$PK2D_TOP_SRCDIR/tests/xlsx_data.py" "$tmp/kecamatan/report.xlsx" \
	"$tmp/continued/report.xlsx" 3 || fail "continued: the Data table"
# A table that fills its sheet exactly: no note, no sheet after it (laid
# out as the kecamatan's, so not opened again).
rows=$(python3 "$PK2D_TOP_SRCDIR/tests/xlsx_data.py" --rows "$tmp/kecamatan/report.xlsx")
mkdir "$tmp/exact"
"$PK2D_TOP_BUILDDIR/tests/report_sample" "$tmp/exact" id 63.02.09 $((rows + 1)) ||
	fail "report_sample exact"
python3 "$PK2D_TOP_SRCDIR/tests/xlsx_data.py" "$tmp/kecamatan/report.xlsx" \
	"$tmp/exact/report.xlsx" $((rows + 1)) || fail "exact: the Data table"

# The bundled sample: one village, every shipped plugin, a history store.
mkdir "$tmp/s"
cp "$PK2D_TOP_SRCDIR"/conf/sample/*.csv "$PK2D_TOP_SRCDIR"/conf/sample/*.ini "$tmp/s/"
cp -R "$PK2D_TOP_SRCDIR/conf/models" "$tmp/models"
chmod -R u+w "$tmp"
"$pk2d" -q -c "$tmp/s/pk2d.ini" report -o "$tmp/s/sample.xlsx" || fail "pk2d report (sample)"
check sample "$tmp/s/sample.xlsx"
"$pk2d" -q -c "$tmp/s/pk2d.ini" --store none report -o "$tmp/s/nostore.xlsx" ||
	fail "pk2d report (sample, no store)"
check nostore "$tmp/s/nostore.xlsx" --no-history

# A synthetic kecamatan: the village summary and the roll-up sheets.
"$PK2D_TOP_BUILDDIR/synth/pk2d-synth" --data "$PK2D_DATA_DIR" -q --plugins family --kk 20 \
	--rt 2 -o "$tmp/k" -a 63.02.09 -p 2024 --seed 3 || fail "pk2d-synth"
cat >"$tmp/k/pk2d.ini" <<INI
[pk2d]
period = 2024
area = 63.02.09
model = $tmp/models/ikk.ini
[plugin.family]
survey = $tmp/k/keluarga.csv
INI
"$pk2d" -q -c "$tmp/k/pk2d.ini" report -o "$tmp/k/kec.xlsx" || fail "pk2d report (kecamatan)"
check synthetic "$tmp/k/kec.xlsx"
[ $failures -eq 0 ] || { cat "$tmp/office.log"; exit 1; }
echo "ok: every workbook laid out and opened"
